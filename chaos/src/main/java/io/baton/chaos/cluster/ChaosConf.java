package io.baton.chaos.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.baton.chaos.net.LoopbackLinks;
import io.baton.chaos.schedule.ClusterSetup;
import io.baton.controller.local.LocalClusterSpec;
import io.baton.controller.local.LocalNameNodePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conf folders of one chaos run. Every process reads the same deployment, but each "host" sees the others
 * through its own links: the controllers of a NameNode host reach ZooKeeper through that host's proxies, the
 * clients reach the NameNodes through the client proxies. A probe client gets the NameNodes in an order that
 * makes it try a given one first (ConfiguredFailoverProxyProvider tries them in configuration order).
 */
public final class ChaosConf {
  /** Short fencing limits so that a failing method costs seconds, not Baton's one-minute defaults. */
  static final String FENCING_METHOD_TIMEOUT = "5s";
  static final String FENCING_DEADLINE = "10s";
  static final String SSH_CONNECT_TIMEOUT_MS = "2000";
  /** Short enough that back-to-back faults of a schedule are not all deferred; it is part of the liveness bound. */
  static final String ANTI_FLAPPING_WINDOW = "3s";

  private final LocalClusterSpec base;
  private final Path runDir;

  private ChaosConf(LocalClusterSpec base, Path runDir) {
    this.base = base;
    this.runDir = runDir;
  }

  /**
   * @param sshPort where sshfence connects (a closed port or a black hole: the fencing-failure scenarios)
   * @param sshKey a private key file for sshfence
   */
  public static ChaosConf create(LocalClusterSpec allocated, Path runDir, ClusterSetup setup, String parentZnode,
      int sshPort, Path sshKey) throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("ha.zookeeper.parent-znode", parentZnode);
    keys.put("dfs.ha.fencing.ssh.connect-timeout", SSH_CONNECT_TIMEOUT_MS);
    keys.put("dfs.ha.fencing.ssh.private-key-files", sshKey.toString());
    LocalClusterSpec spec = allocated.withFencingMethods(fencingMethods(setup.fencing(), sshPort))
        .withHadoopKeys(keys);
    ChaosConf conf = new ChaosConf(spec, runDir);
    conf.write(spec);
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

  public LocalClusterSpec spec() {
    return base;
  }

  /**
   * The conf folder of NameNode host {@code nn}: ZooKeeper through the host's proxies, the other NameNodes' RPC
   * and controller ports through this host's peer proxies.
   */
  public Path forHost(String nn, LoopbackLinks links) throws IOException {
    List<LocalNameNodePorts> seen = new ArrayList<>();
    for (LocalNameNodePorts other : base.namenodes()) {
      seen.add(other.id().equals(nn) ? other : new LocalNameNodePorts(other.id(),
          links.peerPortFor(nn, other.id(), 0), other.httpPort(), links.peerPortFor(nn, other.id(), 1),
          other.adminPort()));
    }
    LocalClusterSpec host = new LocalClusterSpec(base.nameserviceId(), seen, base.journalPort(),
        links.zookeeperQuorumFor(nn), runDir.resolve("hosts").resolve(nn), base.timing(), base.fencingMethods(),
        base.extraHadoopKeys());
    return write(host);
  }

  /** The clients' conf folder: NameNodes through the client proxies, {@code firstTry} first. */
  public Path forClients(String name, LoopbackLinks links, String firstTry) throws IOException {
    List<LocalNameNodePorts> proxied = new ArrayList<>();
    for (LocalNameNodePorts nn : base.namenodes()) {
      LocalNameNodePorts p = new LocalNameNodePorts(nn.id(), links.clientPortFor(nn.id(), 0),
          links.clientPortFor(nn.id(), 1), nn.controllerPort(), nn.adminPort());
      if (nn.id().equals(firstTry)) {
        proxied.add(0, p);
      } else {
        proxied.add(p);
      }
    }
    LocalClusterSpec clients = new LocalClusterSpec(base.nameserviceId(), proxied, base.journalPort(),
        base.zookeeperQuorum(), runDir.resolve("clients").resolve(name), base.timing(), base.fencingMethods(),
        base.extraHadoopKeys());
    return write(clients);
  }

  private Path write(LocalClusterSpec spec) throws IOException {
    Path dir = spec.writeConf();
    patchYaml(dir.resolve("baton.yaml"));
    return dir;
  }

  /** Adds the chaos kit's fencing limits and anti-flapping window to the baton.yaml the spec wrote. */
  static void patchYaml(Path yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    ObjectNode root = Files.exists(yaml) ? (ObjectNode) mapper.readTree(yaml.toFile()) : mapper.createObjectNode();
    ObjectNode fencing = root.putObject("fencing");
    fencing.put("method-timeout", FENCING_METHOD_TIMEOUT);
    fencing.put("deadline", FENCING_DEADLINE);
    ObjectNode controller = root.has("controller") && root.get("controller").isObject()
        ? (ObjectNode) root.get("controller") : root.putObject("controller");
    controller.put("anti-flapping-window", ANTI_FLAPPING_WINDOW);
    mapper.writeValue(yaml.toFile(), root);
  }
}
