package io.baton.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.util.ZKUtil;

/** Builds a nameservice's {@link ZooKeeperConfig}: suffixes applied, {@code @file} values read, quorum checked. */
final class ZooKeeperBuilder {
  static final int ZK_PORT = 2181;
  private static final List<Setting> PER_NAMESERVICE = List.of(Settings.ZK_QUORUM, Settings.ZK_SESSION_TIMEOUT,
      Settings.ZK_PARENT_ZNODE, Settings.ZK_ACL, Settings.ZK_AUTH);

  private final SettingReader settings;
  private final HadoopLayer hadoop;
  private final Path confDir;
  private final Problems problems;

  ZooKeeperBuilder(SettingReader settings, HadoopLayer hadoop, Path confDir, Problems problems) {
    this.settings = settings;
    this.hadoop = hadoop;
    this.confDir = confDir;
    this.problems = problems;
  }

  ZooKeeperConfig build(String ns, List<String> nnIds) {
    rejectPerNameNodeKeys(ns, nnIds);
    Scope scope = Scope.ns(ns);
    String quorum = settings.string(Settings.ZK_QUORUM, scope).orElse("");
    checkQuorum(quorum, scope);
    String parent = settings.string(Settings.ZK_PARENT_ZNODE, scope).orElse("/hadoop-ha");
    if (!parent.startsWith("/") || (parent.length() > 1 && parent.endsWith("/")) || parent.contains("//")) {
      settings.problem(Settings.ZK_PARENT_ZNODE, scope, "'" + parent + "' is not an absolute znode path",
          "write a path such as /hadoop-ha (leading '/', no trailing '/')");
    }
    String acl = settings.string(Settings.ZK_ACL, scope)
        .flatMap(v -> Files2.indirect(confDir, v, settings.origin(Settings.ZK_ACL, scope), problems))
        .orElse("world:anyone:rwcda");
    checkAcl(acl, scope);
    Optional<Secret> auth = settings.string(Settings.ZK_AUTH, scope)
        .flatMap(v -> Files2.indirect(confDir, v, settings.origin(Settings.ZK_AUTH, scope), problems))
        .filter(v -> !v.isEmpty())
        .map(Secret::new);
    auth.ifPresent(a -> checkAuth(a, scope));
    return new ZooKeeperConfig(quorum, settings.duration(Settings.ZK_SESSION_TIMEOUT, scope), parent, acl, auth,
        settings.bool(Settings.ZK_SSL, Scope.GLOBAL));
  }

  /** Every controller of a nameservice must agree on ZooKeeper, so per-NameNode ZooKeeper keys are refused. */
  private void rejectPerNameNodeKeys(String ns, List<String> nnIds) {
    for (Setting s : PER_NAMESERVICE) {
      for (String nn : nnIds) {
        String key = s.hadoopKeys().get(0) + "." + ns + "." + nn;
        if (hadoop.get(key).isPresent()) {
          problems.add(hadoop.origin(key), "sets ZooKeeper for one NameNode; every controller of a nameservice must"
              + " use the same ZooKeeper settings", "use " + s.hadoopKeys().get(0) + "." + ns + " instead");
        }
      }
    }
  }

  /** Parsed with Hadoop's own parser, so what passes here is what the controller (and Hadoop's ZKFC) accepts. */
  private void checkAcl(String acl, Scope scope) {
    try {
      ZKUtil.parseACLs(acl);
    } catch (ZKUtil.BadAclFormatException e) {
      settings.problem(Settings.ZK_ACL, scope, e.getMessage(), "write scheme:id:perms,... with perms from"
          + " r, w, c, d, a, e.g. world:anyone:rwcda or sasl:hdfs:rwcda (or @/path/to/file holding that)");
    }
  }

  private void checkAuth(Secret auth, Scope scope) {
    try {
      ZKUtil.parseAuth(auth.value());
    } catch (ZKUtil.BadAuthFormatException e) {
      // Hadoop's message quotes the value, and the value is a secret: say what is wrong without it
      settings.problem(Settings.ZK_AUTH, scope, "is not of the form scheme:auth[,scheme:auth...] (value not shown:"
          + " it is a secret)", "write e.g. digest:hdfs-zkfcs:mypassword (or @/path/to/file holding that)");
    }
  }

  private void checkQuorum(String quorum, Scope scope) {
    if (quorum.isBlank()) {
      return;
    }
    int chroot = quorum.indexOf('/');
    String hosts = chroot < 0 ? quorum : quorum.substring(0, chroot);
    for (String part : hosts.split(",", -1)) {
      try {
        if (HostPort.parse(part, ZK_PORT).port() == 0) {
          throw new IllegalArgumentException("'" + part.strip() + "' has port 0");
        }
      } catch (IllegalArgumentException e) {
        settings.problem(Settings.ZK_QUORUM, scope, "server " + e.getMessage(),
            "write host:port,host:port (port defaults to 2181)");
        return;
      }
    }
  }
}
