package io.baton.chaos.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.baton.chaos.net.LoopbackLinks;
import io.baton.chaos.net.Topology;
import io.baton.chaos.schedule.ClusterSetup;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.mock.LocalNameNodePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conf folders of one chaos run. Every process reads the same deployment, but each "host" sees the others
 * through its own links: in loopback mode the controllers of a NameNode host reach ZooKeeper and the other hosts
 * through that host's proxies and the clients reach the NameNodes through the client proxies; in namespace mode
 * every address is the owning host's own. A probe client gets the NameNodes in an order that makes it try a given
 * one first (ConfiguredFailoverProxyProvider tries them in configuration order).
 */
public final class ChaosConf {
  /** Short fencing limits so that a failing method costs seconds, not Baton's one-minute defaults. */
  static final String FENCING_METHOD_TIMEOUT = "5s";
  static final String FENCING_DEADLINE = "10s";
  static final String SSH_CONNECT_TIMEOUT_MS = "2000";
  /** Short enough that back-to-back faults of a schedule are not all deferred; it is part of the liveness bound. */
  static final String ANTI_FLAPPING_WINDOW = "3s";
  private static final Pattern LOOPBACK_ADDRESS = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  private final LocalClusterSpec base;
  private final Path runDir;
  private final Topology topology;

  private ChaosConf(LocalClusterSpec base, Path runDir, Topology topology) {
    this.base = base;
    this.runDir = runDir;
    this.topology = topology;
  }

  /**
   * @param sshPort where sshfence connects in loopback mode (a closed port or a black hole: the fencing-failure
   *     scenarios)
   * @param sshKey a private key file for sshfence
   */
  public static ChaosConf create(LocalClusterSpec allocated, Path runDir, ClusterSetup setup, String parentZnode,
      int sshPort, Path sshKey) throws IOException {
    return create(allocated, runDir, setup, parentZnode, sshPort, sshKey, Topology.loopback());
  }

  public static ChaosConf create(LocalClusterSpec allocated, Path runDir, ClusterSetup setup, String parentZnode,
      int sshPort, Path sshKey, Topology topology) throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("ha.zookeeper.parent-znode", parentZnode);
    keys.put("dfs.ha.fencing.ssh.connect-timeout", SSH_CONNECT_TIMEOUT_MS);
    keys.put("dfs.ha.fencing.ssh.private-key-files", topology.sshKey().orElse(sshKey).toString());
    String methods = topology.namespaces() ? namespaceFencingMethods(setup.fencing())
        : fencingMethods(setup.fencing(), sshPort);
    LocalClusterSpec spec = allocated.withFencingMethods(methods).withHadoopKeys(keys);
    ChaosConf conf = new ChaosConf(spec, runDir, topology);
    conf.write(spec, Optional.empty());
    return conf;
  }

  /** The dfs.ha.fencing.methods text for a setup. */
  public static String fencingMethods(ClusterSetup.Fencing fencing, int sshPort) {
    String ssh = "sshfence(root:" + sshPort + ")";
    return switch (fencing) {
      case JOURNAL -> "journal";
      case SSH_DOWN_THEN_JOURNAL, SSH_UNREACHABLE_THEN_JOURNAL -> ssh + "\njournal";
      case SSH_DOWN_ONLY -> ssh;
      case OFF -> "shell(/bin/true)";
    };
  }

  /**
   * In namespace mode every host runs an sshd, so sshfence comes first and really crosses the network (fuser there
   * sees only that host); the journal stays the fallback. The failure scenarios aim at a port where nothing
   * listens, or one the host silently drops.
   */
  public static String namespaceFencingMethods(ClusterSetup.Fencing fencing) {
    return switch (fencing) {
      case JOURNAL -> "sshfence(root:" + Topology.SSH_PORT + ")\njournal";
      case SSH_DOWN_THEN_JOURNAL, SSH_DOWN_ONLY -> fencingMethods(fencing, Topology.SSH_DOWN_PORT);
      case SSH_UNREACHABLE_THEN_JOURNAL -> fencingMethods(fencing, Topology.SSH_BLACK_HOLE_PORT);
      case OFF -> fencingMethods(fencing, 0);
    };
  }

  public LocalClusterSpec spec() {
    return base;
  }

  /** Writes the shared conf folder again (the NameNodes' and the journal's), e.g. after another writer. */
  public Path rewriteBase() throws IOException {
    return write(base, Optional.empty());
  }

  /**
   * The conf folder of NameNode host {@code nn}: in loopback mode ZooKeeper through the host's proxies, the other
   * NameNodes' RPC and controller ports through this host's peer proxies.
   */
  public Path forHost(String nn, Optional<LoopbackLinks> links) throws IOException {
    List<LocalNameNodePorts> seen = new ArrayList<>();
    for (LocalNameNodePorts other : base.namenodes()) {
      seen.add(other.id().equals(nn) || links.isEmpty() ? other : new LocalNameNodePorts(other.id(),
          links.get().peerPortFor(nn, other.id(), 0), other.httpPort(), links.get().peerPortFor(nn, other.id(), 1),
          other.adminPort()));
    }
    String quorum = links.map(l -> l.zookeeperQuorumFor(nn)).orElse(base.zookeeperQuorum());
    LocalClusterSpec host = new LocalClusterSpec(base.nameserviceId(), seen, base.journalPort(), quorum,
        runDir.resolve("hosts").resolve(nn), base.timing(), base.fencingMethods(), base.extraHadoopKeys());
    return write(host, Optional.of(topology.address(nn)));
  }

  /** The clients' conf folder: NameNodes through the client proxies (loopback mode), {@code firstTry} first. */
  public Path forClients(String name, Optional<LoopbackLinks> links, String firstTry) throws IOException {
    List<LocalNameNodePorts> proxied = new ArrayList<>();
    for (LocalNameNodePorts nn : base.namenodes()) {
      LocalNameNodePorts p = links.map(l -> new LocalNameNodePorts(nn.id(), l.clientPortFor(nn.id(), 0),
          l.clientPortFor(nn.id(), 1), nn.controllerPort(), nn.adminPort())).orElse(nn);
      if (nn.id().equals(firstTry)) {
        proxied.add(0, p);
      } else {
        proxied.add(p);
      }
    }
    LocalClusterSpec clients = new LocalClusterSpec(base.nameserviceId(), proxied, base.journalPort(),
        base.zookeeperQuorum(), runDir.resolve("clients").resolve(name), base.timing(), base.fencingMethods(),
        base.extraHadoopKeys());
    return write(clients, Optional.empty());
  }

  /** The URL of a NameNode's HTTP port, at its host's address. */
  public String httpUrl(String nn) {
    return "http://" + topology.address(nn) + ":" + base.namenode(nn).httpPort();
  }

  /** One admin API token for every controller of the run, so the kit (and haadmin) can reach them all. */
  public Path adminTokenFile() {
    return base.adminTokenFile();
  }

  /** The URL of a controller's admin API, at its host's address. */
  public String adminUrl(String nn) {
    return "http://" + topology.address(nn) + ":" + base.namenode(nn).adminPort();
  }

  private Path write(LocalClusterSpec spec, Optional<String> adminBind) throws IOException {
    Path dir = spec.writeConf();
    patchYaml(dir.resolve("baton.yaml"), adminBind.filter(a -> topology.namespaces()), topology.knownHosts());
    patchAdminToken(dir.resolve("baton.yaml"), base.adminTokenFile());
    if (topology.namespaces()) {
      rehost(dir.resolve("hdfs-site.xml"));
    }
    return dir;
  }

  /** Namespace mode: every 127.0.0.1:port the spec wrote becomes the address of the host that owns the port. */
  private void rehost(Path xml) throws IOException {
    Map<Integer, String> owner = new HashMap<>();
    for (LocalNameNodePorts nn : base.namenodes()) {
      for (int port : List.of(nn.rpcPort(), nn.httpPort(), nn.controllerPort(), nn.adminPort())) {
        owner.put(port, topology.address(nn.id()));
      }
    }
    owner.put(base.journalPort(), topology.address(Topology.JOURNAL));
    Matcher m = LOOPBACK_ADDRESS.matcher(Files.readString(xml));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String host = owner.get(Integer.parseInt(m.group(1)));
      if (host == null) {
        throw new IllegalStateException("no host owns port " + m.group(1) + " in " + xml);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(host + ":" + m.group(1)));
    }
    m.appendTail(out);
    Files.writeString(xml, out.toString());
  }

  /** Adds the chaos kit's fencing limits and anti-flapping window to the baton.yaml the spec wrote. */
  static void patchYaml(Path yaml) throws IOException {
    patchYaml(yaml, Optional.empty(), Optional.empty());
  }

  private static void patchAdminToken(Path yaml, Path tokenFile) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    ObjectNode root = (ObjectNode) mapper.readTree(yaml.toFile());
    ((ObjectNode) root.get("controller")).put("admin-token-file", tokenFile.toAbsolutePath().toString());
    mapper.writeValue(yaml.toFile(), root);
  }

  private static void patchYaml(Path yaml, Optional<String> adminBind, Optional<Path> knownHosts)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    ObjectNode root = Files.exists(yaml) ? (ObjectNode) mapper.readTree(yaml.toFile()) : mapper.createObjectNode();
    ObjectNode fencing = root.putObject("fencing");
    fencing.put("method-timeout", FENCING_METHOD_TIMEOUT);
    fencing.put("deadline", FENCING_DEADLINE);
    knownHosts.ifPresent(k -> fencing.put("ssh-known-hosts", k.toAbsolutePath().toString()));
    ObjectNode controller = root.has("controller") && root.get("controller").isObject()
        ? (ObjectNode) root.get("controller") : root.putObject("controller");
    controller.put("anti-flapping-window", ANTI_FLAPPING_WINDOW);
    adminBind.ifPresent(a -> controller.put("admin-bind-address", a));
    mapper.writeValue(yaml.toFile(), root);
  }
}
