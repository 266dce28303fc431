package io.baton.chaos.bench;

import io.baton.config.ConfigException;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.ConfigLoader;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.BadFencingConfigurationException;
import org.apache.hadoop.ha.NodeFencer;

/**
 * The baseline: Hadoop's ZKFC as its own JVM, reading the same conf folder as Baton's controller.
 * {@code HadoopZkfcMain --conf DIR --id NN [-formatZK -force -nonInteractive]}; exit codes are Hadoop's.
 * Fencing runs Baton's chain for the configured {@code dfs.ha.fencing.methods} (see {@link ChainFenceMethod}).
 */
public final class HadoopZkfcMain {
  static final String FENCER_KEY = "baton.bench.zkfc.fencing.methods";
  static final int USAGE = 64;
  static final int CONFIG = 3;

  private HadoopZkfcMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  static int run(String[] args) throws Exception {
    Path conf = null;
    String id = null;
    List<String> zkfcArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--conf" -> conf = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--id" -> id = i + 1 < args.length ? args[++i] : null;
        default -> zkfcArgs.add(args[i]);
      }
    }
    if (conf == null || id == null) {
      System.err.println("Usage: HadoopZkfcMain --conf DIR --id NN [-formatZK [-force] [-nonInteractive]]");
      return USAGE;
    }
    DeploymentConfig deployment;
    try {
      deployment = ConfigLoader.load(conf, LoadOptions.forNameNode(null, id));
    } catch (ConfigException e) {
      System.err.println("bench-zkfc: " + e.getMessage());
      return CONFIG;
    }
    NameNodeConfig local = deployment.localNameNode();
    NameserviceConfig ns = deployment.localNameservice();
    Configuration hadoop = new Configuration();
    deployment.hadoopProperties().forEach(hadoop::set);
    hadoop.set(FENCER_KEY, ChainFenceMethod.class.getName());
    ChainFenceMethod.use(deployment);
    NodeFencer fencer;
    try {
      fencer = NodeFencer.create(hadoop, FENCER_KEY);
    } catch (BadFencingConfigurationException e) {
      System.err.println("bench-zkfc: " + e.getMessage());
      return CONFIG;
    }
    Map<String, BenchTarget> targets = BenchZkfc.targets(ns, nn -> new BenchTarget(nn, fencer));
    return new BenchZkfc(hadoop, ns, targets, local.id()).run(zkfcArgs.toArray(String[]::new));
  }
}
