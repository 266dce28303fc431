package io.baton.worlds.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.process.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zombie (issue 14): the active NameNode is frozen (SIGSTOP) and its controller dies (SIGKILL), so nobody can
 * stop it. The standby's Baton fences with {@code journal} (a new epoch on the 3 real JournalNodes) and promotes.
 * Resumed (SIGCONT), the old active still believes it is active; the journal's epoch is what cuts it off: a write
 * sent straight to it is not acknowledged, and it leaves (Hadoop ends a NameNode that loses its journal majority).
 */
class FrozenOldActiveIT {
  private static final Duration LEAVES_WITHIN = Duration.ofSeconds(30);

  @TempDir Path dir;
  private HadoopWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close(); // SIGKILL ends a stopped process too
    }
  }

  @Test
  @Timeout(240)
  void aResumedOldActiveIsCutOffByTheJournalEpoch() throws Exception {
    world = HadoopWorld.start(HadoopWorldSpec.pair(dir, ControllerKind.BATON));
    String old = world.awaitSingleActive(Duration.ofSeconds(60));
    String next = old.equals("nn1") ? "nn2" : "nn1";
    world.awaitBatonReady(next, Duration.ofSeconds(30));
    String before = "/before-freeze-" + UUID.randomUUID();
    world.fs("-touchz", before).orThrow();

    ChildProcess oldNameNode = world.namenode(old);
    oldNameNode.signal(Signal.STOP);
    Instant frozen = Instant.now();
    world.controller(old).orElseThrow().killHard(Duration.ofSeconds(10));
    Instant promoted = world.awaitActive(next, Duration.ofSeconds(60));
    System.out.printf("hadoop world: %s frozen and its controller killed -> %s active in %d ms (journal fence)%n",
        old, next, Duration.between(frozen, promoted).toMillis());
    String controllerLog = Files.readString(world.controller(next).orElseThrow().logFile());
    Matcher fenced = Pattern.compile("fenced " + old + " by journal in (\\d+) ms").matcher(controllerLog);
    assertThat(fenced.find()).as("the new active's controller fenced " + old + " by journal").isTrue();
    System.out.printf("hadoop world: %s's controller: fenced %s by journal in %s ms%n", next, old, fenced.group(1));

    oldNameNode.signal(Signal.CONT);
    Instant resumed = Instant.now();
    String zombieWrite = "/zombie-" + UUID.randomUUID();
    CommandResult straightToOld = direct(old, "-touchz", zombieWrite);
    System.out.printf("hadoop world: write straight to the resumed %s: exit %d after %d ms%n", old,
        straightToOld.exitCode(), Duration.between(resumed, Instant.now()).toMillis());
    assertThat(straightToOld.exitCode()).as("the resumed old active acknowledged a write: " + straightToOld.output())
        .isNotZero();

    await("the old active " + old + " exits or leaves active").atMost(LEAVES_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !oldNameNode.isAlive() || !world.probe().isActive(world.ports().namenode(old).http()).orElse(false));
    System.out.printf("hadoop world: resumed %s %s %d ms after SIGCONT%n", old,
        oldNameNode.isAlive() ? "is alive but not active" : "exited (code " + oldNameNode.exitCode() + ")",
        Duration.between(resumed, Instant.now()).toMillis());

    // Why: the JournalNodes refused the old writer's epoch (Hadoop's Journal.checkRequest), not some other error.
    assertThat(oldNameNode.logFile()).content().contains("is less than the last promised epoch");

    assertThat(direct(next, "-test", "-e", before).exitCode()).as("acknowledged before the freeze, on " + next)
        .isZero();
    assertThat(direct(next, "-test", "-e", zombieWrite).exitCode()).as("the refused write is nowhere").isNotZero();
    // Negative control for the write check: the same direct write to the new active is acknowledged.
    assertThat(direct(next, "-touchz", "/after-" + UUID.randomUUID()).exitCode()).isZero();
    assertThat(world.activeNameNodes()).containsExactly(next);
  }

  /** FsShell with a client that knows only NameNode {@code id}'s RPC address (no failover, one quick retry). */
  private CommandResult direct(String id, String... args) throws Exception {
    String[] all = new String[args.length + 8];
    System.arraycopy(new String[] {
        "-D", "fs.defaultFS=hdfs://" + HadoopConfWriter.HOST + ":" + world.ports().namenode(id).rpc(),
        "-D", "ipc.client.connect.max.retries=1",
        "-D", "dfs.client.retry.policy.enabled=false",
        "-D", "ipc.client.rpc-timeout.ms=20000"}, 0, all, 0, 8);
    System.arraycopy(args, 0, all, 8, args.length);
    return world.fs(all);
  }
}
