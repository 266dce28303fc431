package io.baton.fencing;

import static org.awaitility.Awaitility.await;

import io.baton.config.HostPort;
import io.baton.config.LoopbackPorts;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;

/**
 * Real Hadoop JournalNodes ({@code org.apache.hadoop.hdfs.qjournal.server.JournalNode}), each its own child JVM on
 * free loopback ports, stopped by PID in {@link #close()} (also when starting one of them failed). Their web
 * server needs Jetty 9, which the build copies to {@code target/journalnode-lib} for these JVMs only.
 */
final class RealJournalNodes implements AutoCloseable {
  private static final String MAIN = "org.apache.hadoop.hdfs.qjournal.server.JournalNode";
  private static final Duration START_WAIT = Duration.ofSeconds(60);

  /** One JournalNode process. */
  record Node(HostPort rpc, int httpPort, Process process, Path log) {}

  private final List<Node> nodes = new ArrayList<>();
  private final HadoopIpc ipc = new HadoopIpc(new Configuration(false));

  private RealJournalNodes() {}

  static RealJournalNodes start(Path dir, int count) throws IOException {
    RealJournalNodes jns = new RealJournalNodes();
    try {
      for (int i = 0; i < count; i++) {
        jns.nodes.add(launch(dir, i));
      }
      for (Node n : jns.nodes) {
        awaitListening(n);
      }
      return jns;
    } catch (IOException | RuntimeException | Error e) {
      jns.close();
      throw e;
    }
  }

  private static Node launch(Path dir, int index) throws IOException {
    HostPort rpc = new HostPort("127.0.0.1", LoopbackPorts.free());
    int http = LoopbackPorts.free();
    Path edits = Files.createDirectories(dir.resolve("jn" + index));
    String classpath = webapps(dir) + File.pathSeparator + System.getProperty("java.class.path")
        + File.pathSeparator + journalNodeLib() + "/*";
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Dhadoop.home.dir=" + dir,
        "-cp", classpath, MAIN,
        "-D", "dfs.journalnode.rpc-address=" + rpc,
        "-D", "dfs.journalnode.http-address=127.0.0.1:" + http,
        "-D", "dfs.journalnode.edits.dir=" + edits.toAbsolutePath(),
        "-D", "dfs.journalnode.enable.sync=false");
    Path log = dir.resolve("jn" + index + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Node(rpc, http, p, log);
  }

  /** The web server looks up {@code webapps/journal} on the classpath; the hadoop-hdfs jar does not ship it. */
  private static Path webapps(Path dir) throws IOException {
    Path root = dir.resolve("jn-classpath");
    Path journal = Files.createDirectories(root.resolve("webapps").resolve("journal"));
    Files.writeString(journal.resolve("index.html"), "<html><body>JournalNode</body></html>\n");
    return root;
  }

  private static Path journalNodeLib() {
    Path lib = Path.of("target", "journalnode-lib").toAbsolutePath();
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(lib + " is missing: build the fencing module with Maven (its"
          + " process-test-resources phase copies the JournalNode's Jetty 9 jars there)");
    }
    return lib;
  }

  private static void awaitListening(Node n) {
    await("JournalNode " + n.rpc() + " listening (log " + n.log() + ")").atMost(START_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .failFast("JournalNode " + n.rpc() + " exited", () -> {
          if (!n.process().isAlive()) {
            throw new AssertionError("JournalNode " + n.rpc() + " exited with " + n.process().exitValue()
                + "; its log ends:\n" + tail(n.log()));
          }
        })
        .until(() -> accepts(n.rpc()));
  }

  private static boolean accepts(HostPort address) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address.host(), address.port()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  List<HostPort> addresses() {
    return nodes.stream().map(Node::rpc).toList();
  }

  Node node(int index) {
    return nodes.get(index);
  }

  /** Formats {@code journalId} on every JournalNode, as {@code hdfs namenode -format} does for shared edits. */
  void format(String journalId, String nameserviceId, NamespaceInfo namespace) throws IOException {
    for (HostPort jn : addresses()) {
      QJournalProtocolTranslatorPB p = ipc.journal(jn, 10_000);
      try {
        p.format(journalId, nameserviceId, namespace, false);
      } finally {
        HadoopIpc.close(p);
      }
    }
  }

  /** Each JournalNode's last promised epoch of {@code journalId}, read over IPC. */
  List<Long> promisedEpochs(String journalId, String nameserviceId) throws IOException {
    List<Long> epochs = new ArrayList<>();
    for (HostPort jn : addresses()) {
      QJournalProtocolTranslatorPB p = ipc.journal(jn, 10_000);
      try {
        epochs.add(p.getJournalState(journalId, nameserviceId).getLastPromisedEpoch());
      } finally {
        HadoopIpc.close(p);
      }
    }
    return epochs;
  }

  /** SIGSTOP ({@code true}) or SIGCONT: a JournalNode that hangs, by PID. */
  void freeze(int index, boolean stop) throws IOException, InterruptedException {
    long pid = nodes.get(index).process().pid();
    Process kill = new ProcessBuilder("kill", stop ? "-STOP" : "-CONT", Long.toString(pid)).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill " + (stop ? "-STOP " : "-CONT ") + pid + " failed");
    }
  }

  @Override
  public void close() {
    for (Node n : nodes) {
      n.process().destroyForcibly();
    }
    for (Node n : nodes) {
      try {
        n.process().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
