package io.baton.controller;

import io.baton.config.ConfigException;
import io.baton.config.ConfigLoader;
import io.baton.config.ConfigProblem;
import io.baton.config.LoadReport;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.admin.AdminServer;
import io.baton.controller.admin.AdminToken;
import io.baton.fencing.FencingChain;
import io.baton.controller.zk.ZkClients;
import io.baton.controller.zk.EpochRepair;
import io.baton.controller.zk.ZkFormatter;
import io.baton.controller.zk.ZkPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code baton zkfc --conf DIR [--ns NS] [--id NN] [-formatZK [-force] [-nonInteractive] | -repairEpoch]}: runs
 * the controller for the local NameNode, prepares ZooKeeper, or rewrites an unreadable epoch znode. Exit codes are Hadoop's ZKFC codes where Hadoop has one.
 */
public final class ZkfcMain {
  private static final Logger log = LoggerFactory.getLogger(ZkfcMain.class);
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int FORMAT_DENIED = 2;
  public static final int NO_PARENT_ZNODE = 3;
  public static final int NO_FENCER = 4;
  public static final int AUTO_FAILOVER_NOT_ENABLED = 5;
  public static final int NO_ZK = 6;
  public static final int USAGE = 64;

  static final String USAGE_TEXT = "Usage: baton zkfc --conf DIR [--ns NS] [--id NN] "
      + "[-formatZK [-force] [-nonInteractive] | -repairEpoch]";

  private final PrintStream out;
  private final PrintStream err;
  private final BufferedReader stdin;

  ZkfcMain(PrintStream out, PrintStream err, BufferedReader stdin) {
    this.out = out;
    this.err = err;
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    ZkfcMain main = new ZkfcMain(System.out, System.err,
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    System.exit(main.run(args, new CountDownLatch(1), true));
  }

  record Options(Optional<Path> conf, Optional<String> ns, Optional<String> id, boolean format, boolean force,
      boolean nonInteractive, boolean repairEpoch) {}

  /**
   * @param stop counted down to stop a running controller (the JVM's shutdown hook does it in production)
   * @param shutdownHook whether to install a JVM shutdown hook that stops the controller gracefully
   */
  int run(String[] args, CountDownLatch stop, boolean shutdownHook) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("baton zkfc: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (o == null) {
      out.println(USAGE_TEXT);
      return OK;
    }
    Optional<Path> confDir = o.conf().or(() -> Optional.ofNullable(System.getenv("HADOOP_CONF_DIR")).map(Path::of));
    if (confDir.isEmpty()) {
      err.println("baton zkfc: no configuration folder: pass --conf DIR or set HADOOP_CONF_DIR");
      return USAGE;
    }
    if (!Files.isDirectory(confDir.get())) {
      err.println("baton zkfc: --conf " + confDir.get() + " is not a folder");
      return USAGE;
    }
    DeploymentConfig deployment;
    NameNodeConfig local;
    try {
      LoadReport report = ConfigLoader.inspect(confDir.get(), new LoadOptions(o.ns(), o.id()));
      if (!report.isValid()) {
        throw new ConfigException(report.problems());
      }
      deployment = report.config().orElseThrow();
      local = deployment.localNameNode();
      // the same warnings baton config prints (e.g. a fence method that always succeeds), logged once at start
      for (ConfigProblem warning : report.warnings()) {
        log.warn("{}.{}: {}", local.nameserviceId(), local.id(), warning);
      }
    } catch (ConfigException e) {
      err.println("Unable to start failover controller: " + e.getMessage());
      return exitCodeFor(e);
    }
    NameserviceConfig ns = deployment.nameservice(local.nameserviceId()).orElseThrow();
    if (!ns.automaticFailover()) {
      err.println("Automatic failover is not enabled for " + ns.id() + ". Set dfs.ha.automatic-failover.enabled."
          + ns.id() + "=true in hdfs-site.xml to run the failover controller.");
      return AUTO_FAILOVER_NOT_ENABLED;
    }
    if (!ns.zookeeper().isConfigured()) {
      err.println("Missing required configuration 'ha.zookeeper.quorum' for ZooKeeper quorum; set it in "
          + "core-site.xml (host:port,...).");
      return NO_ZK;
    }
    CuratorFramework zk = ZkClients.start(ns.zookeeper(), deployment.failover().zkOpRetries(),
        deployment.hadoopProperties());
    boolean handedOver = false;
    try {
      if (!ZkClients.awaitConnected(zk, ns.zookeeper().sessionTimeout())) {
        err.println("Unable to start failover controller. Unable to connect to ZooKeeper quorum at "
            + ns.zookeeper().quorum() + ". Please check the configured value for ha.zookeeper.quorum and ensure "
            + "that ZooKeeper is running.");
        return NO_ZK;
      }
      String scope = ns.zookeeper().scopeZnode(ns.id());
      ZkFormatter formatter = new ZkFormatter(zk, scope);
      if (o.format()) {
        return formatter.format(o.force(), o.nonInteractive() ? null : stdin, out).exitCode;
      }
      if (o.repairEpoch()) {
        out.println(EpochRepair.repair(zk, new ZkPaths(scope), java.time.Clock.systemUTC()));
        return OK;
      }
      if (!formatter.scopeExists()) {
        err.println("Unable to start failover controller. Parent znode " + scope + " does not exist.\n"
            + "Run 'baton zkfc --conf " + confDir.get() + " -formatZK' to initialize ZooKeeper.");
        return NO_PARENT_ZNODE;
      }
      Map<String, FencingChain> chains;
      try {
        chains = FencingAdapter.build(deployment, ns, local.id());
      } catch (ConfigException e) {
        err.println("Fencing is not configured for " + ns.id() + ": " + e.getMessage()
            + "\nYou must configure a fencing method (dfs.ha.fencing.methods) before using automatic failover.");
        return NO_FENCER;
      }
      handedOver = true;
      return serve(deployment, local, zk, chains, stop, shutdownHook);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    } catch (Exception e) {
      err.println("baton zkfc: " + StartFailure.explain(e, deployment, local).orElse(local.id() + ": failed: " + e));
      return FAILED;
    } finally {
      if (!handedOver) {
        zk.close();
      }
    }
  }

  private int serve(DeploymentConfig deployment, NameNodeConfig local, CuratorFramework zk,
      Map<String, FencingChain> chains, CountDownLatch stop, boolean shutdownHook) throws Exception {
    Optional<AdminToken> token;
    try {
      token = AdminServer.loadToken(deployment.controller().adminAuth());
    } catch (IllegalStateException e) {
      err.println("baton zkfc: " + local.id() + ": " + e.getMessage());
      return FAILED;
    }
    FailoverController fc = FailoverController.start(deployment, local, zk, FencingAdapter.fencer(chains),
        Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      FencingDrills drills = new FencingDrills(local.id(), FencingAdapter.drills(chains),
          deployment.controller().fencingDrillInterval(), Clock.systemUTC()).start();
      fc.own(drills);
      fc.own(AdminServer.start(deployment, local, fc, drills, token));
    } catch (Exception e) {
      fc.close();
      throw e;
    }
    if (shutdownHook) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop.countDown();
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "zkfc-shutdown-" + local.id()));
    }
    try {
      stop.await();
    } finally {
      fc.close();
      stopped.countDown();
    }
    return OK;
  }

  /** Hadoop's codes: no ZooKeeper quorum 6, no (usable) fencing 4; any other configuration problem 1. */
  static int exitCodeFor(ConfigException e) {
    boolean zk = false;
    boolean fencing = false;
    for (ConfigProblem p : e.problems()) {
      zk |= p.key().contains("zookeeper.quorum");
      fencing |= p.key().contains("fencing.methods");
    }
    if (e.problems().stream().allMatch(p -> p.key().contains("zookeeper.quorum")) && zk) {
      return NO_ZK;
    }
    if (e.problems().stream().allMatch(p -> p.key().contains("fencing.methods")) && fencing) {
      return NO_FENCER;
    }
    return FAILED;
  }

  /** @return null when help was asked for */
  static Options parse(String[] args) {
    Optional<Path> conf = Optional.empty();
    Optional<String> ns = Optional.empty();
    Optional<String> id = Optional.empty();
    boolean format = false;
    boolean force = false;
    boolean nonInteractive = false;
    boolean repairEpoch = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--conf" -> conf = Optional.of(Path.of(value(args, ++i, a)));
        case "--ns" -> ns = Optional.of(value(args, ++i, a));
        case "--id" -> id = Optional.of(value(args, ++i, a));
        case "-formatZK" -> format = true;
        case "-force" -> force = true;
        case "-nonInteractive" -> nonInteractive = true;
        case "-repairEpoch" -> repairEpoch = true;
        case "-h", "--help", "-help" -> {
          return null;
        }
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    if ((force || nonInteractive) && !format) {
      throw new IllegalArgumentException("-force and -nonInteractive only go with -formatZK");
    }
    if (repairEpoch && format) {
      throw new IllegalArgumentException("-repairEpoch and -formatZK do not go together");
    }
    return new Options(conf, ns, id, format, force, nonInteractive, repairEpoch);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("-")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
