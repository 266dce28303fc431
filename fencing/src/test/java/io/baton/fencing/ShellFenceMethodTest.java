package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** shell(...): Hadoop's variables, no secrets, stdin closed, exit codes, output logging, the tree dies on timeout. */
class ShellFenceMethodTest {
  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger fenceLog = (Logger) LoggerFactory.getLogger(FenceLog.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    fenceLog.addAppender(logs);
  }

  @AfterEach
  void stopCapture() {
    fenceLog.detachAppender(logs);
  }

  private FencingReport fence(String command, Optional<Boolean> withSource, TestDeployment t) throws Exception {
    t.methods = "shell(" + command + ")";
    FenceRequest req = new FenceRequest(t.nn1(), withSource.isPresent() ? Optional.of(t.nn2()) : Optional.empty());
    return t.chain().fence(req);
  }

  private FencingReport fence(String command) throws Exception {
    return fence(command, Optional.empty(), new TestDeployment());
  }

  private Map<String, String> envFile(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> l.contains("="))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
  }

  @Test
  void targetVariablesArePresentAndSecretsAreNot() throws Exception {
    TestDeployment t = new TestDeployment();
    t.hadoopProperties = Map.of("ha.zookeeper.auth", "digest:hdfs:s3cr3t-value",
        "hadoop.zk.ssl.keystore.password", "k3ystore-pass", "dfs.ha.fencing.methods", "shell(env)");
    Path env = dir.resolve("env.txt");
    FencingReport report = fence("env > " + env, Optional.empty(), t);

    assertThat(report.fenced()).isTrue();
    Map<String, String> vars = envFile(env);
    assertThat(vars).containsEntry("target_host", "127.0.0.1").containsEntry("target_port", "18020")
        .containsEntry("target_address", "127.0.0.1:18020").containsEntry("target_nameserviceid", "ns1")
        .containsEntry("target_namenodeid", "nn1");
    assertThat(vars.keySet()).doesNotContainAnyElementsOf(List.of("source_host", "source_namenodeid"));
    // only the allow-list, plus what bash itself sets
    assertThat(vars.keySet()).allMatch(k -> k.startsWith("target_") || ShellEnvironment.INHERITED.contains(k)
        || List.of("PWD", "SHLVL", "_", "OLDPWD").contains(k), "allowed variable");
    assertThat(vars).containsEntry("PATH", System.getenv("PATH"));
    String all = Files.readString(env);
    assertThat(all).doesNotContain("s3cr3t-value").doesNotContain("k3ystore-pass").doesNotContain("ha_zookeeper");
  }

  @Test
  void sourceVariablesArePresentInAManualFailover() throws Exception {
    Path env = dir.resolve("env.txt");
    assertThat(fence("env > " + env, Optional.of(true), new TestDeployment()).fenced()).isTrue();
    assertThat(envFile(env)).containsEntry("source_host", "127.0.0.1").containsEntry("source_port", "18120")
        .containsEntry("source_address", "127.0.0.1:18120").containsEntry("source_nameserviceid", "ns1")
        .containsEntry("source_namenodeid", "nn2").containsEntry("target_namenodeid", "nn1");
  }

  @Test
  void exitZeroFencesAndAnythingElseFails() throws Exception {
    assertThat(fence("exit 0").attempts().get(0).outcome()).isEqualTo(FenceOutcome.FENCED);
    FenceAttempt failed = fence("exit 7").attempts().get(0);
    assertThat(failed.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(failed.reason()).isEqualTo("command exited 7");
    // bash -e, as Hadoop: the first failing command ends the script
    assertThat(fence("false; exit 0").attempts().get(0).reason()).isEqualTo("command exited 1");
    assertThat(fence("/nonexistent/fence.sh").attempts().get(0).reason())
        .isEqualTo("command exited 127 (command not found)");
  }

  @Test
  void aBackgroundChildHoldingTheOutputDoesNotDelayTheVerdict() throws Exception {
    Path pid = dir.resolve("bg.pid");
    try {
      FencingReport report = fence("sleep 30 & echo $! > " + pid + "; echo detached");
      assertThat(report.fenced()).isTrue();
      assertThat(report.took()).isLessThan(Duration.ofSeconds(3));
      assertThat(report.attempts().get(0).outputHead()).containsExactly("detached");
    } finally {
      ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void stdinIsClosed() throws Exception {
    FenceAttempt a = fence("read line").attempts().get(0);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(a.duration()).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void outputIsLoggedLineByLineWithMethodAndTarget() throws Exception {
    FencingReport report = fence("echo killed $target_namenodeid; echo 'oops' >&2; echo done");
    assertThat(report.attempts().get(0).outputHead()).containsExactlyInAnyOrder("killed nn1", "stderr: oops", "done");
    assertThat(logs.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Level.INFO, "ns1.nn2: shell -> ns1.nn1: killed nn1"),
            org.assertj.core.groups.Tuple.tuple(Level.WARN, "ns1.nn2: shell -> ns1.nn1 stderr: oops"),
            org.assertj.core.groups.Tuple.tuple(Level.INFO, "ns1.nn2: shell -> ns1.nn1: done"));
  }

  @Test
  void outputHeadKeepsTheFirstLines() throws Exception {
    FencingReport report = fence("for i in $(seq 1 100); do echo line $i; done");
    assertThat(report.attempts().get(0).outputHead()).hasSize(FenceLog.HEAD_LINES).startsWith("line 1", "line 2");
  }

  @Test
  void timeoutKillsTheWholeProcessTree() throws Exception {
    Path pids = dir.resolve("pids");
    TestDeployment t = new TestDeployment().timeouts(Duration.ofMillis(1500), Duration.ofSeconds(5));
    String command = "sleep 300 & echo $! >> " + pids + "; (sleep 300; true) & echo $! >> " + pids
        + "; bash -c 'sleep 300' & echo $! >> " + pids + "; echo started; wait";
    long start = System.nanoTime();
    FencingReport report = fence(command, Optional.empty(), t);
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    FenceAttempt a = report.attempts().get(0);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.TIMED_OUT);
    assertThat(a.reason()).matches("killed after \\d+ ms with its process tree \\(\\d+ processes\\): the command did"
        + " not finish within its timeout");
    assertThat(a.outputHead()).startsWith("started"); // then bash's "Killed" notices of its children
    assertThat(tookMs).isLessThan(3_000L);
    List<Long> children = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
    assertThat(children).hasSize(3);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(children)
        .allMatch(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "dead"));
  }

  @Test
  void drillChecksTheProgramAndTheSyntax() throws Exception {
    Path script = dir.resolve("fence.sh");
    Files.writeString(script, "#!/bin/bash\nexit 0\n");
    TestDeployment t = new TestDeployment();
    t.methods = "shell(" + script + " --now)";
    assertThat(t.chain().drill().results()).singleElement().satisfies(r -> {
      assertThat(r.passed()).isFalse();
      assertThat(r.detail()).isEqualTo("'" + script + "' is not an executable file or a command on PATH "
          + System.getenv("PATH"));
    });
    assertThat(script.toFile().setExecutable(true)).isTrue();
    assertThat(t.chain().drill().results().get(0).detail())
        .isEqualTo("'" + script + "' found as " + script + "; bash syntax ok");
    t.methods = "shell(X=1 true; if then)";
    assertThat(t.chain().drill().results().get(0).detail())
        .startsWith("bash rejects the command: ").contains("syntax error near unexpected token `then'");
  }

  @Test
  void programIsTheFirstWordAfterAssignments() {
    assertThat(ShellFenceMethod.program("A=1 B=x /bin/fence --all")).isEqualTo("/bin/fence");
    assertThat(ShellFenceMethod.program("  true ")).isEqualTo("true");
    assertThat(ShellFenceMethod.program("true; exit 0")).isEqualTo("true");
  }
}
