package io.baton.worlds.zk;

import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.process.ProcessKit;
import io.baton.config.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real ZooKeeper ensemble: one QuorumPeerMain JVM per server on 127.0.0.1 (or, in namespace mode, on the
 * ZooKeeper host's address inside its namespace), started from the zookeeper artifact on our classpath, so that
 * servers can be killed, stopped and restarted like real ones.
 */
public final class ZooKeeperEnsemble {
  private static final Logger log = LoggerFactory.getLogger(ZooKeeperEnsemble.class);
  private final ProcessKit kit;
  private final ZooKeeperHost placement;
  private final String host;
  private final int size;
  private final int[] clientPorts;
  private final int[] quorumPorts;
  private final int[] electionPorts;
  private final ChildProcess[] servers;
  private final Path dir;

  public ZooKeeperEnsemble(ProcessKit kit, int size) {
    this(kit, size, ZooKeeperHost.loopback());
  }

  public ZooKeeperEnsemble(ProcessKit kit, int size, ZooKeeperHost placement) {
    this.placement = placement;
    this.host = placement.address();
    if (size < 1) {
      throw new IllegalArgumentException("an ensemble needs at least one server, got " + size);
    }
    this.kit = kit;
    this.size = size;
    this.clientPorts = new int[size];
    this.quorumPorts = new int[size];
    this.electionPorts = new int[size];
    this.servers = new ChildProcess[size];
    this.dir = kit.workDir().resolve("zookeeper");
    for (int i = 0; i < size; i++) {
      clientPorts[i] = LoopbackPorts.free();
      quorumPorts[i] = LoopbackPorts.free();
      electionPorts[i] = LoopbackPorts.free();
    }
  }

  public int size() {
    return size;
  }

  public String connectString() {
    List<String> hosts = new ArrayList<>();
    for (int port : clientPorts) {
      hosts.add(host + ":" + port);
    }
    return String.join(",", hosts);
  }

  /** Starts every server and waits until a quorum serves. */
  public void start(Duration timeout) throws IOException {
    for (int i = 0; i < size; i++) {
      writeConfig(i);
      startServer(i);
    }
    awaitQuorum(timeout);
  }

  public void startServer(int i) throws IOException {
    if (servers[i] != null && servers[i].isAlive()) {
      throw new IllegalStateException("zk" + (i + 1) + " is already running");
    }
    List<String> java = ProcessKit.javaCommand(System.getProperty("java.class.path"), List.of("-Xmx192m",
        "-Dzookeeper.admin.enableServer=false"), "org.apache.zookeeper.server.quorum.QuorumPeerMain",
        List.of(configFile(i).toString()));
    servers[i] = kit.start("zk" + (i + 1), placement.launcher().apply(java), Map.of());
  }

  public ChildProcess server(int i) {
    return servers[i];
  }

  /** Waits until a majority of servers report leader or follower. */
  public void awaitQuorum(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      long serving = modes().values().stream().filter(m -> m.equals("leader") || m.equals("follower")
          || m.equals("standalone")).count();
      if (serving > size / 2) {
        log.info("zookeeper: quorum of {} serving at {}", serving, connectString());
        return;
      }
      io.baton.worlds.mock.LocalCluster.pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException("ZooKeeper quorum did not form within " + timeout + "; modes " + modes()
        + "; see " + dir);
  }

  /** The index of the current leader, if one answers. */
  public Optional<Integer> leader() {
    return modes().entrySet().stream().filter(e -> e.getValue().equals("leader")).map(Map.Entry::getKey)
        .findFirst();
  }

  /** Server index to mode (leader, follower, standalone, or "down"), from the srvr four-letter word. */
  public Map<Integer, String> modes() {
    Map<Integer, String> modes = new java.util.TreeMap<>();
    for (int i = 0; i < size; i++) {
      modes.put(i, fourLetterWord(host, clientPorts[i], "srvr").lines()
          .filter(l -> l.startsWith("Mode: ")).map(l -> l.substring(6).trim()).findFirst().orElse("down"));
    }
    return modes;
  }

  private static String fourLetterWord(String host, int port, String word) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      s.setSoTimeout(1000); // a SIGSTOPped server accepts but never answers
      OutputStream out = s.getOutputStream();
      out.write(word.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private void writeConfig(int i) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data" + (i + 1)));
    Files.writeString(data.resolve("myid"), Integer.toString(i + 1));
    List<String> lines = new ArrayList<>(List.of(
        "tickTime=500", "initLimit=10", "syncLimit=4",
        "dataDir=" + data.toAbsolutePath(),
        "clientPort=" + clientPorts[i],
        "clientPortAddress=" + host,
        "admin.enableServer=false",
        "4lw.commands.whitelist=srvr,stat,ruok,mntr",
        "maxSessionTimeout=60000"));
    if (size > 1) {
      for (int j = 0; j < size; j++) {
        lines.add("server." + (j + 1) + "=" + host + ":" + quorumPorts[j] + ":" + electionPorts[j]);
      }
    }
    Files.write(configFile(i), lines);
  }

  private Path configFile(int i) {
    return dir.resolve("zoo" + (i + 1) + ".cfg").toAbsolutePath();
  }

  @Override
  public String toString() {
    return "ZooKeeperEnsemble" + modes().entrySet().stream().map(e -> "zk" + (e.getKey() + 1) + "=" + e.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
