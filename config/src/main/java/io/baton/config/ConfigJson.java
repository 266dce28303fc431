package io.baton.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** {@code baton config --json}: the effective configuration and problems for scripts; secrets masked. */
final class ConfigJson {
  static final String MASK = "********";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigJson() {}

  static String render(LoadReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("valid", report.isValid());
    report.config().ifPresent(c -> config(root, c));
    problems(root.putArray("problems"), report.problems());
    problems(root.putArray("warnings"), report.warnings());
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  private static void problems(ArrayNode array, List<ConfigProblem> problems) {
    for (ConfigProblem p : problems) {
      ObjectNode n = array.addObject();
      n.put("key", p.key());
      n.put("location", p.location().orElse(null));
      n.put("message", p.message());
      n.put("fix", p.fix());
    }
  }

  /** Hadoop properties that hold passwords or ZooKeeper auth are never printed. */
  static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.startsWith("ha.zookeeper.auth");
  }

  private static void config(ObjectNode root, DeploymentConfig c) {
    root.put("confDir", c.confDir().toString());
    ObjectNode local = root.putObject("local");
    c.local().ifPresent(l -> local.put("nameservice", l.nameserviceId()).put("namenode", l.namenodeId()));
    c.localProblem().ifPresent(p -> local.put("problem", p));
    ArrayNode nss = root.putArray("nameservices");
    c.nameservices().forEach(ns -> nameservice(nss.addObject(), ns));
    HealthMonitorConfig h = c.healthMonitor();
    root.putObject("healthMonitor")
        .put("checkInterval", d(h.checkInterval()))
        .put("connectRetryInterval", d(h.connectRetryInterval()))
        .put("sleepAfterDisconnect", d(h.sleepAfterDisconnect()))
        .put("rpcTimeout", d(h.rpcTimeout()))
        .put("connectMaxRetries", h.connectMaxRetries());
    FailoverConfig f = c.failover();
    root.putObject("failover")
        .put("newActiveRpcTimeout", d(f.newActiveRpcTimeout()))
        .put("gracefulFenceRpcTimeout", d(f.gracefulFenceRpcTimeout()))
        .put("gracefulFenceConnectionRetries", f.gracefulFenceConnectionRetries())
        .put("cliCheckRpcTimeout", d(f.cliCheckRpcTimeout()))
        .put("zkOpRetries", f.zkOpRetries())
        .put("retryBackoff", d(f.retryBackoff()))
        .put("maxRetryBackoff", d(f.maxRetryBackoff()));
    ControllerConfig ctl = c.controller();
    ObjectNode controller = root.putObject("controller")
        .put("adminBindAddress", ctl.adminBindAddress())
        .put("adminAuth", ctl.adminAuth().mode().yaml())
        .put("adminTokenFile", ctl.adminAuth().tokenFile().toString())
        .put("adminReadAccess", ctl.adminAuth().readAccess().yaml())
        .put("metrics", ctl.metricsEnabled())
        .put("antiFlappingWindow", d(ctl.antiFlappingWindow()))
        .put("failbackDelay", d(ctl.failbackDelay()))
        .put("maintenanceDefaultExpiry", d(ctl.maintenanceDefaultExpiry()))
        .put("fencingDrillInterval", d(ctl.fencingDrillInterval()));
    ctl.tls().ifPresent(t -> controller.putObject("tls").put("keystore", t.keystore().toString())
        .put("keystorePassword", MASK).put("keystoreType", t.keystoreType()));
    root.putObject("journalNode").put("editsDir", c.journalNode().editsDir().toString());
    ObjectNode hadoop = root.putObject("hadoopProperties");
    new TreeMap<>(c.hadoopProperties()).forEach((k, v) -> hadoop.put(k, isSecretKey(k) ? MASK : v));
  }

  private static void nameservice(ObjectNode n, NameserviceConfig ns) {
    n.put("id", ns.id()).put("automaticFailover", ns.automaticFailover());
    n.put("preferredActive", ns.preferredActive().orElse(null));
    n.put("sharedEdits", ns.sharedEdits().map(SharedEdits::uri).orElse(null));
    ZooKeeperConfig zk = ns.zookeeper();
    n.putObject("zookeeper")
        .put("quorum", zk.quorum())
        .put("sessionTimeout", d(zk.sessionTimeout()))
        .put("parentZnode", zk.parentZnode())
        .put("scopeZnode", zk.scopeZnode(ns.id()))
        .put("acl", zk.acl())
        .put("auth", zk.auth().map(a -> MASK).orElse(null))
        .put("ssl", zk.sslEnabled());
    ArrayNode nns = n.putArray("namenodes");
    for (NameNodeConfig nn : ns.namenodes()) {
      ObjectNode o = nns.addObject()
          .put("id", nn.id())
          .put("rpcAddress", nn.rpcAddress().toString())
          .put("serviceRpcAddress", str(nn.serviceRpcAddress()))
          .put("lifelineRpcAddress", str(nn.lifelineRpcAddress()))
          .put("httpAddress", nn.httpAddress().toString())
          .put("controllerPort", nn.controllerPort())
          .put("adminPort", nn.adminPort());
      FencingConfig fc = nn.fencing();
      ObjectNode fencing = o.putObject("fencing");
      ArrayNode methods = fencing.putArray("methods");
      fc.methods().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(methods::add);
      ArrayNode keys = fencing.putArray("sshPrivateKeyFiles");
      fc.sshPrivateKeyFiles().forEach(k -> keys.add(k.toString()));
      fencing.put("sshConnectTimeout", d(fc.sshConnectTimeout()))
          .put("sshKnownHostsFile", str(fc.sshKnownHostsFile()))
          .put("methodTimeout", d(fc.methodTimeout()))
          .put("deadline", d(fc.deadline()));
    }
  }

  private static String str(Optional<?> value) {
    return value.map(String::valueOf).orElse(null);
  }

  private static String d(Duration duration) {
    return Durations.format(duration);
  }
}
