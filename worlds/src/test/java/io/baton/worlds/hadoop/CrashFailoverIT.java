package io.baton.worlds.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real NameNodes and three real JournalNodes: kill -9 of the active, the other takes over, a write
 * acknowledged before is there and a write after succeeds. Baton fences with {@code journal} (a new epoch on the
 * real JournalNodes over QJournalProtocol), Hadoop's ZKFC with {@code shell(/bin/true)}.
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
    if (kind == ControllerKind.BATON) {
      assertThat(world.controller(other).orElseThrow().logFile()).as("the new active's controller log").content()
          .containsPattern("journal -> ns1\\." + active + ": newEpoch \\d+ 127\\.0\\.0\\.1:\\d+ promised")
          .containsPattern("promised epoch \\d+ for journal ns1")
          .containsPattern("fenced " + active + " by journal in \\d+ ms");
    }
  }

  /**
   * Baton's {@code haadmin -checkFencing} on the unchanged folder, {@code journal} only: passes while the
   * JournalNodes answer, still passes with one of three down (a majority) but names it, and fails naming both once
   * two are down. No controllers run: the drill is read only and needs none.
   */
  @Test
  @Timeout(180)
  void checkFencingAsksTheRealJournalNodes() throws Exception {
    world = HadoopWorld.start(HadoopWorldSpec.pair(dir, ControllerKind.NONE));
    List<HadoopPorts.JournalNodePorts> jns = world.ports().journalNodes();
    String jn2 = "127.0.0.1:" + jns.get(1).rpc();
    String jn3 = "127.0.0.1:" + jns.get(2).rpc();

    CommandResult all = world.batonHaadmin("nn2", "-checkFencing", "nn1");
    System.out.println("checkFencing, 3 JournalNodes up:\n" + all.output());
    assertThat(all.exitCode()).as(all.output()).isZero();
    assertThat(all.output()).contains("3 of 3 journal nodes");

    world.killJournalNode(2);
    CommandResult oneDown = world.batonHaadmin("nn2", "-checkFencing", "nn1");
    System.out.println("checkFencing, " + jn3 + " down:\n" + oneDown.output());
    assertThat(oneDown.exitCode()).as(oneDown.output()).isZero();
    assertThat(oneDown.output()).contains("2 of 3 journal nodes").contains(jn3);

    world.killJournalNode(1);
    CommandResult twoDown = world.batonHaadmin("nn2", "-checkFencing", "nn1");
    System.out.println("checkFencing, " + jn2 + " and " + jn3 + " down:\n" + twoDown.output());
    assertThat(twoDown.exitCode()).as(twoDown.output()).isNotZero();
    assertThat(twoDown.output()).contains("1 of 3 journal nodes").contains(jn2).contains(jn3);
  }
}
