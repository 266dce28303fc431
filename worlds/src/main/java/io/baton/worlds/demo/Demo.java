package io.baton.worlds.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.process.ModuleClasspath;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.TimingProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/** The demo's script: every step says what it does and shows progress while it waits. */
final class Demo {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLIENT_RUN = Duration.ofSeconds(12);

  private final Path workDir;
  private final boolean once;
  private final PrintStream out;
  private final Progress progress;

  Demo(Path workDir, boolean once, PrintStream out) {
    this.workDir = workDir;
    this.once = once;
    this.out = out;
    this.progress = new Progress(out, System.console() != null);
  }

  int run() throws Exception {
    out.println("Baton demo: work folder " + workDir);
    try (EmbeddedZooKeeper zk = new EmbeddedZooKeeper(workDir.resolve("zookeeper"));
        ProcessKit kit = new ProcessKit(workDir.resolve("logs"))) {
      step("starting an embedded ZooKeeper");
      zk.start();
      LocalClusterSpec spec = LocalClusterSpec.allocate(workDir, 2, zk.connectString(), TimingProfile.FAST);
      LocalCluster cluster = new LocalCluster(spec, kit);
      ClusterView view = new ClusterView(cluster);
      out.println("  conf folder: " + spec.confDir() + "  (ZooKeeper " + zk.connectString() + ")");

      step("starting the journal node and two mock NameNodes (nn1, nn2)");
      cluster.startJournal();
      for (String nn : spec.namenodeIds()) {
        cluster.startNameNode(nn);
      }
      waitFor("NameNodes answering", () -> spec.namenodeIds().stream()
          .allMatch(nn -> view.json(spec.httpUrl(nn) + "/status").isPresent()));

      step("formatting ZooKeeper (zkfc -formatZK) and starting a controller for each NameNode");
      int format = cluster.formatZooKeeper(STEP_TIMEOUT);
      if (format != 0) {
        throw new IllegalStateException("zkfc -formatZK exited " + format + "; see " + kit.workDir());
      }
      cluster.startController("nn1");
      String firstActive = waitForActive(cluster);
      cluster.startController("nn2");
      waitFor("nn2's controller joined as standby", () -> view.rows().stream()
          .filter(r -> r.nn().equals("nn2")).anyMatch(r -> r.controller().contains("standby")));
      out.print(view.table());

      step("starting a client that writes 50 records a second through the active NameNode");
      Path history = workDir.resolve("client-history.jsonl");
      ChildProcess client = cluster.startClient("client", history,
          List.of("--rate", "50", "--duration", CLIENT_RUN.toSeconds() + "s"));
      waitFor("first acknowledged writes", () -> lineCount(history) >= 20);

      step("killing the active NameNode " + firstActive + " (kill -9)");
      Instant killed = Instant.now();
      cluster.namenodeProcess(firstActive).orElseThrow().killHard(Duration.ofSeconds(10));
      String newActive = waitForFailover(cluster, firstActive, killed);
      out.print(view.table());
      printTimeline(view, spec, newActive);

      step("letting the client finish and checking its history against the journal");
      waitFor("client finished", () -> !client.isAlive(), CLIENT_RUN.plus(STEP_TIMEOUT));
      int verdict = runChecker(kit, spec, history);
      if (once) {
        return verdict;
      }
      step("restarting " + firstActive + ": it comes back as standby");
      cluster.startNameNode(firstActive);
      waitFor(firstActive + " standby", () -> view.rows().stream().filter(r -> r.nn().equals(firstActive))
          .anyMatch(r -> r.haState().equals("standby")));
      out.print(view.table());
      printTryIt(spec);
      keepRunning(view);
      return verdict;
    }
  }

  private String waitForActive(LocalCluster cluster) {
    waitFor("an active NameNode", () -> cluster.activeNameNodes().size() == 1);
    String active = cluster.activeNameNodes().get(0);
    out.println("  " + active + " is active");
    return active;
  }

  private String waitForFailover(LocalCluster cluster, String old, Instant since) {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      List<String> active = cluster.activeNameNodes();
      if (active.size() == 1 && !active.get(0).equals(old)) {
        long ms = Duration.between(since, Instant.now()).toMillis();
        progress.done(String.format("%s became active %d ms after %s was killed", active.get(0), ms, old));
        return active.get(0);
      }
      progress.waiting("failover", since);
      LocalCluster.pause(Duration.ofMillis(50));
    }
    throw new IllegalStateException("no failover within " + STEP_TIMEOUT + "; logs in " + workDir.resolve("logs"));
  }

  private void printTimeline(ClusterView view, LocalClusterSpec spec, String nn) {
    Optional<JsonNode> timeline = view.json(spec.adminUrl(nn) + "/v1/timeline");
    out.println("  failover timeline from " + nn + "'s controller (GET " + spec.adminUrl(nn) + "/v1/timeline):");
    out.println(timeline.map(TimelineText::render).orElse("    (controller did not answer)"));
  }

  private int runChecker(ProcessKit kit, LocalClusterSpec spec, Path history) throws IOException {
    ChildProcess check = kit.startJava("check", ModuleClasspath.of("mock-namenode"), List.of("-Xmx256m"),
        LocalCluster.CHECK_MAIN, List.of("--history", history.toString(),
            "--journal", spec.journalDir().resolve(spec.nameserviceId()).toString()), Map.of());
    if (!check.waitFor(STEP_TIMEOUT)) {
      check.killHard(Duration.ofSeconds(5));
      throw new IllegalStateException("checker did not finish within " + STEP_TIMEOUT);
    }
    for (String line : Files.readAllLines(check.logFile())) {
      out.println("  " + line);
    }
    out.println(check.exitCode() == 0
        ? "  VERDICT: no lost acknowledged write, no split brain"
        : "  VERDICT: VIOLATION (checker exit " + check.exitCode() + ")");
    return check.exitCode();
  }

  private void printTryIt(LocalClusterSpec spec) {
    String conf = spec.confDir().toString();
    out.println();
    out.println("The cluster keeps running. Try, in another terminal:");
    out.println("  bin/haadmin --conf " + conf + " -getAllServiceState");
    out.println("  bin/haadmin --conf " + conf + " -status");
    out.println("  bin/haadmin --conf " + conf + " -failover nn2 nn1");
    out.println("  bin/haadmin --conf " + conf + " -timeline");
    for (String nn : spec.namenodeIds()) {
      out.println("  curl " + spec.adminUrl(nn) + "/v1/status      (" + nn + "'s controller)");
    }
    out.println("  curl -XPOST -H \"Authorization: Bearer $(cat " + spec.adminTokenFile() + ")\" "
        + spec.adminUrl(spec.namenodeIds().get(0)) + "/v1/fencing-drill      (changes need the admin token)");
    out.println("Press Ctrl-C to stop; every process the demo started is stopped with it.");
  }

  private void keepRunning(ClusterView view) throws InterruptedException {
    CountDownLatch forever = new CountDownLatch(1);
    while (!forever.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
      out.print(view.table());
    }
  }

  private void step(String what) {
    out.println();
    out.println("==> " + what);
  }

  private void waitFor(String what, BooleanSupplier condition) {
    waitFor(what, condition, STEP_TIMEOUT);
  }

  private void waitFor(String what, BooleanSupplier condition, Duration timeout) {
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        progress.done("gave up waiting for " + what);
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
            + "; logs in " + workDir.resolve("logs"));
      }
      progress.waiting(what, start);
      LocalCluster.pause(Duration.ofMillis(100));
    }
    progress.done(String.format("%s (%.1f s)", what, Duration.between(start, Instant.now()).toMillis() / 1000.0));
  }

  private static long lineCount(Path file) {
    try (var lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      return 0;
    }
  }
}
