package io.baton.controller.zk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.curator.framework.CuratorFramework;

/** {@code -formatZK [-force] [-nonInteractive]}: Hadoop's semantics; only this nameservice's scope is touched. */
public final class ZkFormatter {
  /** What happened, with the process exit code Hadoop uses for it. */
  public enum Result {
    FORMATTED(0), FORMAT_DENIED(2);

    public final int exitCode;

    Result(int exitCode) {
      this.exitCode = exitCode;
    }
  }

  private final CuratorFramework client;
  private final String scope;

  public ZkFormatter(CuratorFramework client, String scope) {
    this.client = client;
    this.scope = scope;
  }

  public boolean scopeExists() throws Exception {
    return client.checkExists().forPath(scope) != null;
  }

  /**
   * @param stdin answers the interactive prompt; null means non-interactive
   */
  public Result format(boolean force, BufferedReader stdin, PrintStream out) throws Exception {
    if (scopeExists()) {
      if (!force) {
        if (stdin == null) {
          out.println("ZooKeeper znode " + scope + " already exists; not formatting it (non-interactive). "
              + "Use -formatZK -force to delete and re-create it.");
          return Result.FORMAT_DENIED;
        }
        out.print("===============================================\n"
            + "The configured parent znode " + scope + " already exists.\n"
            + "Are you sure you want to clear all failover information from ZooKeeper?\n"
            + "WARNING: Before proceeding, ensure that all HDFS services and failover controllers are stopped!\n"
            + "===============================================\n"
            + "Proceed formatting " + scope + "? (Y or N) ");
        out.flush();
        if (!confirmed(stdin)) {
          out.println("Not formatting " + scope + ".");
          return Result.FORMAT_DENIED;
        }
      }
      client.delete().deletingChildrenIfNeeded().forPath(scope);
    }
    client.create().creatingParentsIfNeeded().forPath(scope);
    out.println("Successfully created " + scope + " in ZooKeeper.");
    return Result.FORMATTED;
  }

  private static boolean confirmed(BufferedReader stdin) throws IOException {
    String line = stdin.readLine();
    return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
  }
}
