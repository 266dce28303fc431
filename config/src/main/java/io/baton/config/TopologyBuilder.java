package io.baton.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the nameservices and their NameNodes from the resolved settings, reporting what cannot be used. */
final class TopologyBuilder {
  static final int RPC_PORT = 8020;
  static final int HTTP_PORT = 9870;
  /** Admin port = dfs.ha.zkfc.port + 71: 8090 for Hadoop's default 8019. */
  static final int ADMIN_PORT_OFFSET = 71;
  static final String NAMESERVICES_KEY = "dfs.nameservices";
  static final String NAMENODES_KEY = "dfs.ha.namenodes";

  private final SettingReader settings;
  private final HadoopLayer hadoop;
  private final YamlNode yaml;
  private final Problems problems;
  private final ZooKeeperBuilder zooKeeper;
  private final Path confDir;

  TopologyBuilder(SettingReader settings, HadoopLayer hadoop, YamlNode yaml, Path confDir, Problems problems) {
    this.settings = settings;
    this.hadoop = hadoop;
    this.yaml = yaml;
    this.problems = problems;
    this.confDir = confDir;
    this.zooKeeper = new ZooKeeperBuilder(settings, hadoop, confDir, problems);
  }

  List<NameserviceConfig> build() {
    List<String> nsIds = ids(NAMESERVICES_KEY, List.of("nameservices"));
    if (nsIds.isEmpty()) {
      problems.add(NAMESERVICES_KEY, null, "no nameservice is configured",
          "set dfs.nameservices in hdfs-site.xml, or add nameservices: to baton.yaml");
    }
    for (String key : hadoop.values().keySet()) {
      if (key.startsWith(NAMENODES_KEY + ".")) {
        String ns = key.substring(NAMENODES_KEY.length() + 1);
        if (!nsIds.contains(ns)) {
          problems.add(hadoop.origin(key), "names nameservice '" + ns + "', which is not in dfs.nameservices ("
              + String.join(", ", nsIds) + ")", "add " + ns + " to dfs.nameservices, or remove " + key);
        }
      }
    }
    List<NameserviceConfig> result = new ArrayList<>();
    for (String ns : nsIds) {
      result.add(nameservice(ns));
    }
    return result;
  }

  private NameserviceConfig nameservice(String ns) {
    String nnKey = NAMENODES_KEY + "." + ns;
    List<String> nnIds = ids(nnKey, List.of("nameservices", ns, "namenodes"));
    if (nnIds.size() < 2) {
      problems.add(nnKey, hadoop.location(nnKey).orElse(null), "nameservice " + ns + " has " + nnIds.size()
          + " NameNode" + (nnIds.size() == 1 ? " (" + nnIds.get(0) + ")" : "s") + "; HA needs at least two",
          "list two or more NameNode ids in " + nnKey + ", or under nameservices." + ns + ".namenodes in baton.yaml");
    }
    List<NameNodeConfig> namenodes = new ArrayList<>();
    for (String nn : nnIds) {
      namenode(ns, nn).ifPresent(namenodes::add);
    }
    Scope scope = Scope.ns(ns);
    Optional<String> preferred = settings.string(Settings.PREFERRED_ACTIVE, scope);
    if (preferred.isPresent() && !nnIds.contains(preferred.get())) {
      settings.problem(Settings.PREFERRED_ACTIVE, scope, "names '" + preferred.get() + "', which is not a NameNode of "
          + ns + " (" + String.join(", ", nnIds) + ")", "use one of: " + String.join(", ", nnIds));
      preferred = Optional.empty();
    }
    return new NameserviceConfig(ns, namenodes, settings.bool(Settings.AUTOMATIC_FAILOVER, scope),
        zooKeeper.build(ns, nnIds), preferred, sharedEdits(scope));
  }

  private Optional<NameNodeConfig> namenode(String ns, String nn) {
    Scope scope = Scope.nn(ns, nn);
    Optional<HostPort> rpc = address(Settings.RPC_ADDRESS, scope, RPC_PORT);
    if (rpc.isEmpty() && !settings.isSet(Settings.RPC_ADDRESS, scope)) {
      problems.add("dfs.namenode.rpc-address." + ns + "." + nn, null, "is not set",
          "set it to host:port in hdfs-site.xml, or nameservices." + ns + ".namenodes." + nn
              + ".rpc-address in baton.yaml");
    }
    Optional<HostPort> serviceRpc = address(Settings.SERVICE_RPC_ADDRESS, scope, RPC_PORT);
    Optional<HostPort> lifeline = address(Settings.LIFELINE_RPC_ADDRESS, scope, RPC_PORT);
    Optional<HostPort> http = address(Settings.HTTP_ADDRESS, scope, HTTP_PORT);
    int controllerPort = settings.integer(Settings.CONTROLLER_PORT, scope, 1, 65535);
    int adminPort = adminPort(scope, controllerPort);
    FencingConfig fencing = fencing(scope);
    if (rpc.isEmpty()) {
      return Optional.empty();
    }
    HostPort httpAddress = http.orElse(new HostPort(rpc.get().host(), HTTP_PORT));
    return Optional.of(new NameNodeConfig(ns, nn, rpc.get(), serviceRpc, lifeline, httpAddress, controllerPort,
        adminPort, fencing));
  }

  /**
   * An admin port set in baton.yaml wins; otherwise it follows the NameNode's own {@code dfs.ha.zkfc.port}, which
   * Hadoop already requires to be distinct for NameNodes sharing a host, so the admin ports are distinct too.
   */
  private int adminPort(Scope scope, int controllerPort) {
    if (settings.isSet(Settings.ADMIN_PORT, scope)) {
      return settings.integer(Settings.ADMIN_PORT, scope, 1, 65535);
    }
    int derived = controllerPort + ADMIN_PORT_OFFSET;
    if (derived > 65535) {
      settings.problem(Settings.ADMIN_PORT, scope, "would be dfs.ha.zkfc.port " + controllerPort + " + "
          + ADMIN_PORT_OFFSET + " = " + derived + ", above 65535", "set admin-port for this NameNode in baton.yaml,"
          + " or controller.admin-port");
      return Integer.parseInt(Settings.ADMIN_PORT.defaultText());
    }
    return derived;
  }

  private FencingConfig fencing(Scope scope) {
    // Key files are not opened here: they are sshfence's business (fencing module), and they may exist
    // only on the hosts that run a controller, not where the configuration is checked.
    List<Path> keys = new ArrayList<>();
    for (String file : settings.list(Settings.SSH_PRIVATE_KEY_FILES, scope)) {
      try {
        keys.add(confDir.resolve(file));
      } catch (java.nio.file.InvalidPathException e) {
        settings.problem(Settings.SSH_PRIVATE_KEY_FILES, scope, "'" + file + "' is not a valid path",
            "write file paths, comma-separated");
      }
    }
    return new FencingConfig(
        settings.lines(Settings.FENCING_METHODS, scope),
        keys,
        settings.duration(Settings.SSH_CONNECT_TIMEOUT, scope),
        settings.path(Settings.SSH_KNOWN_HOSTS, scope).map(confDir::resolve),
        settings.duration(Settings.FENCING_METHOD_TIMEOUT, scope),
        settings.duration(Settings.FENCING_DEADLINE, scope));
  }

  private Optional<HostPort> address(Setting s, Scope scope, int defaultPort) {
    Optional<String> text = settings.string(s, scope);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      HostPort hp = HostPort.parse(text.get(), defaultPort);
      if (hp.port() == 0) {
        throw new IllegalArgumentException("'" + text.get() + "' has port 0, which peers cannot connect to");
      }
      return Optional.of(hp);
    } catch (IllegalArgumentException e) {
      settings.problem(s, scope, e.getMessage(), "write host:port with a port from 1 to 65535");
      return Optional.empty();
    }
  }

  private Optional<SharedEdits> sharedEdits(Scope scope) {
    Optional<String> text = settings.string(Settings.SHARED_EDITS, scope);
    if (text.isEmpty() || text.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SharedEditsParser.parse(text.get()));
    } catch (IllegalArgumentException e) {
      settings.problem(Settings.SHARED_EDITS, scope, e.getMessage(),
          "write qjournal://host:port;host:port/journalId, or file:///path/to/shared/dir");
      return Optional.empty();
    }
  }

  /** Ids from a Hadoop comma list, then the keys of a baton.yaml mapping; duplicates and bad ids are problems. */
  private List<String> ids(String hadoopKey, List<String> yamlPath) {
    Set<String> ids = new LinkedHashSet<>();
    Optional<String> listed = hadoop.get(hadoopKey);
    if (listed.isPresent()) {
      for (String id : Arrays.stream(listed.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
        if (!ids.add(id)) {
          problems.add(hadoop.origin(hadoopKey), "lists '" + id + "' twice", "ids must be unique; remove one");
        }
      }
    }
    yaml.at(yamlPath).filter(n -> n.kind() == YamlNode.Kind.MAPPING).ifPresent(n -> ids.addAll(n.fields().keySet()));
    List<String> valid = new ArrayList<>();
    for (String id : ids) {
      if (id.matches("[A-Za-z0-9_-]+")) {
        valid.add(id);
      } else {
        problems.add(hadoopKey, hadoop.location(hadoopKey).orElse(null), "id '" + id + "' has characters other than"
            + " letters, digits, '-' and '_'", "rename it: ids become key suffixes and znode names");
      }
    }
    return valid;
  }
}
