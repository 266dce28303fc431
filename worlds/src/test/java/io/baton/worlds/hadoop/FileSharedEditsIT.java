package io.baton.worlds.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code file://} shared edits (NFS-style), no JournalNode: the world itself, and Baton on it. */
class FileSharedEditsIT {
  @TempDir Path dir;
  private HadoopWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
  }

  /** The world runs a file:// pair as Hadoop does: Hadoop's ZKFC fails over after a kill -9. */
  @Test
  @Timeout(180)
  void hadoopsZkfcFailsOverOnFileSharedEdits() throws Exception {
    crashFailover(ControllerKind.HADOOP_ZKFC);
  }

  /**
   * Baton on the same unchanged Hadoop folders. The fence is shell(/bin/true), which does not fence: acceptable
   * here only because the test itself kill -9s the old active before anyone fences, so no second writer can
   * exist. The loader says so at start (nothing guards file:// edits), and the test holds it to that.
   */
  @Test
  @Timeout(180)
  void batonFailsOverOnFileSharedEdits() throws Exception {
    crashFailover(ControllerKind.BATON);
    for (String id : world.spec().namenodeIds()) {
      assertThat(world.controller(id).orElseThrow().logFile()).content()
          .containsPattern("WARN  ZkfcMain - ns1\\." + id + ": hdfs-site.xml:[0-9]+: dfs.ha.fencing.methods: "
              + "shell\\(/bin/true\\) always succeeds, and with shared edits in a directory");
    }
  }

  private void crashFailover(ControllerKind kind) throws Exception {
    world = HadoopWorld.start(HadoopWorldSpec.pair(dir, kind).withFileSharedEdits());
    assertThat(world.confDir("nn1").resolve("hdfs-site.xml")).content().contains("file:/");
    String active = world.awaitSingleActive(Duration.ofSeconds(60));
    String other = active.equals("nn1") ? "nn2" : "nn1";
    String before = "/before-" + UUID.randomUUID();
    world.fs("-touchz", before).orThrow();
    Instant killed = Instant.now();
    world.killNameNode(active);
    Instant promoted = world.awaitActive(other, Duration.ofSeconds(45));
    System.out.printf("hadoop world (file:// shared edits): kill -9 of %s -> %s active in %d ms (%s)%n", active,
        other, Duration.between(killed, promoted).toMillis(), kind);
    assertThat(world.fs("-test", "-e", before).exitCode()).isZero();
    assertThat(world.activeNameNodes()).isEqualTo(List.of(other));
  }
}
