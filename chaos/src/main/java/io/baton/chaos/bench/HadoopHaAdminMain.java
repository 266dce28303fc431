package io.baton.chaos.bench;

import io.baton.config.ConfigException;
import io.baton.config.ConfigLoader;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.NameserviceConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAAdmin;
import org.apache.hadoop.ha.HAServiceTarget;
import org.apache.hadoop.util.ToolRunner;

/**
 * The baseline for {@code haadmin} timings: Hadoop's own {@link HAAdmin} (what HDFS's DFSHAAdmin extends),
 * resolving NameNode ids from the same conf folder. {@code HadoopHaAdminMain --conf DIR -getServiceState nn1}.
 */
public final class HadoopHaAdminMain extends HAAdmin {
  private final NameserviceConfig nameservice;

  private HadoopHaAdminMain(Configuration conf, NameserviceConfig nameservice) {
    super(conf);
    this.nameservice = nameservice;
  }

  @Override
  protected HAServiceTarget resolveTarget(String nnId) {
    return new BenchTarget(nameservice.namenode(nnId).orElseThrow(() -> new IllegalArgumentException(
        "no NameNode '" + nnId + "' in nameservice " + nameservice.id() + "; known: " + nameservice.namenodeIds())),
        null);
  }

  @Override
  protected Collection<String> getTargetIds(String ignored) {
    return nameservice.namenodeIds();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !args[0].equals("--conf")) {
      System.err.println("Usage: HadoopHaAdminMain --conf DIR <haadmin arguments>");
      System.exit(HadoopZkfcMain.USAGE);
    }
    DeploymentConfig deployment;
    try {
      deployment = ConfigLoader.load(Path.of(args[1]), LoadOptions.none());
    } catch (ConfigException e) {
      System.err.println("haadmin: " + e.getMessage());
      System.exit(HadoopZkfcMain.CONFIG);
      return;
    }
    Configuration conf = new Configuration();
    deployment.hadoopProperties().forEach(conf::set);
    HadoopHaAdminMain admin = new HadoopHaAdminMain(conf, deployment.nameservices().get(0));
    System.exit(ToolRunner.run(admin, Arrays.copyOfRange(args, 2, args.length)));
  }
}
