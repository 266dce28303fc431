package io.baton.worlds.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's migration on real NameNodes: both start under Hadoop's DFSZKFailoverController; the standby's
 * controller is replaced by Baton, Hadoop's {@code hdfs haadmin -failover} moves the active role to Baton's side
 * and back (a Hadoop ZKFC and Baton in one election, each ceding to the other), then the other controller is
 * replaced too. One NameNode is active after every step.
 */
class RollingMigrationIT {
  private static final Duration STEP = Duration.ofSeconds(60);
  @TempDir Path dir;
  private HadoopWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Timeout(300)
  void hadoopZkfcsAreReplacedByBatonOneAtATime() throws Exception {
    world = HadoopWorld.start(HadoopWorldSpec.pair(dir, ControllerKind.HADOOP_ZKFC).withJournalNodes(1));
    String x = world.awaitSingleActive(STEP);
    String y = x.equals("nn1") ? "nn2" : "nn1";

    // 1. The standby's Hadoop ZKFC gives way to Baton; the active stays where it is.
    world.stopController(y);
    world.startController(y, ControllerKind.BATON);
    world.awaitBatonReady(y, STEP);
    assertThat(world.awaitSingleActive(STEP)).isEqualTo(x);
    assertThat(serviceState(y)).isEqualTo("standby");

    // 2. hdfs haadmin -failover to Baton's side (Baton asks Hadoop's ZKFC to cede), and back.
    failover(x, y);
    writeAndRead();
    failover(y, x);
    writeAndRead();

    // 3. Baton's side takes the active role again, and the last Hadoop ZKFC (now beside the standby) goes.
    failover(x, y);
    world.stopController(x);
    world.startController(x, ControllerKind.BATON);
    world.awaitBatonReady(x, STEP);
    assertThat(world.awaitSingleActive(STEP)).isEqualTo(y);

    // 4. Both Baton: failover once more, checkHealth through haadmin.
    failover(y, x);
    assertThat(world.haadmin(x, "-checkHealth", x).exitCode()).isZero();
    assertThat(world.haadmin(x, "-checkHealth", y).exitCode()).isZero();
    writeAndRead();
    assertThat(world.controllerKind("nn1")).isEqualTo(ControllerKind.BATON);
    assertThat(world.controllerKind("nn2")).isEqualTo(ControllerKind.BATON);
  }

  private void failover(String from, String to) throws Exception {
    long t0 = System.nanoTime();
    world.haadmin(to, "-failover", from, to).orThrow();
    System.out.printf("hadoop world: haadmin -failover %s %s (%s -> %s) in %d ms%n", from, to,
        world.controllerKind(from), world.controllerKind(to), (System.nanoTime() - t0) / 1_000_000);
    assertThat(world.awaitSingleActive(STEP)).isEqualTo(to);
    assertThat(serviceState(to)).isEqualTo("active");
    assertThat(serviceState(from)).isEqualTo("standby");
  }

  private String serviceState(String id) throws Exception {
    return world.haadmin(id, "-getServiceState", id).orThrow().output().lines().map(String::strip)
        .filter(l -> l.equals("active") || l.equals("standby") || l.equals("observer")).findFirst()
        .orElse("no state in: " + id);
  }

  private void writeAndRead() throws Exception {
    String file = "/migration-" + UUID.randomUUID();
    world.fs("-touchz", file).orThrow();
    assertThat(world.fs("-test", "-e", file).exitCode()).isZero();
  }
}
