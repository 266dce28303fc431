package io.baton.worlds.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real NameNodes and three real JournalNodes: kill -9 of the active, the other takes over, a write
 * acknowledged before is there and a write after succeeds.
 */
class CrashFailoverIT {
  @TempDir Path dir;
  private HadoopWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
  }

  /** Hadoop's own ZKFC on the same world, for the time beside Baton's (same timing keys). */
  @ParameterizedTest
  @EnumSource(value = ControllerKind.class, names = {"BATON", "HADOOP_ZKFC"})
  @Timeout(180)
  void killOfTheActiveFailsOverAndKeepsAcknowledgedWrites(ControllerKind kind) throws Exception {
    world = HadoopWorld.start(HadoopWorldSpec.pair(dir, kind));
    String active = world.awaitSingleActive(Duration.ofSeconds(60));
    String other = active.equals("nn1") ? "nn2" : "nn1";
    String before = "/before-" + UUID.randomUUID();
    world.fs("-touchz", before).orThrow();

    Instant killed = Instant.now();
    world.killNameNode(active);
    Instant promoted = world.awaitActive(other, Duration.ofSeconds(30));
    long ms = Duration.between(killed, promoted).toMillis();
    System.out.printf("hadoop world: kill -9 of %s -> %s /isActive in %d ms (%s)%n", active, other, ms, kind);

    String after = "/after-" + UUID.randomUUID();
    world.fs("-touchz", after).orThrow();
    assertThat(world.fs("-test", "-e", before).exitCode()).as("acknowledged before the crash").isZero();
    assertThat(world.fs("-test", "-e", after).exitCode()).as("written after the failover").isZero();
    // Negative control: the same check fails for a file nobody wrote.
    assertThat(world.fs("-test", "-e", "/never-" + UUID.randomUUID()).exitCode()).isNotZero();
    assertThat(world.activeNameNodes()).containsExactly(other);
  }
}
