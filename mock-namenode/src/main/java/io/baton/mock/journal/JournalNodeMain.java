package io.baton.mock.journal;

import io.baton.config.DeploymentConfig;
import io.baton.config.HostPort;
import io.baton.config.LoadOptions;
import io.baton.config.NameserviceConfig;
import io.baton.config.SharedEditsConfig;
import io.baton.mock.common.CommandLine;
import io.baton.mock.common.CommandLine.UsageException;
import io.baton.mock.common.ConfLoading;
import io.baton.mock.common.ExitCodes;
import io.baton.mock.common.ServerMain;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bin/baton journalnode --conf DIR [--address HOST:PORT] [--http-port N] [--edits-dir DIR]
 * [--unsafe-no-epoch-check]}. The address (QJournalProtocol over Hadoop IPC) is the journal node listed in
 * dfs.namenode.shared.edits.dir (choose with --address when several are listed); the HTTP API is on --http-port
 * (default: any free port; getJournalState tells it); the storage is dfs.journalnode.edits.dir. With both
 * --address and --edits-dir, no conf is needed.
 */
public final class JournalNodeMain {
  static final String USAGE = "usage: baton journalnode --conf DIR [--address HOST:PORT] [--http-port N]"
      + " [--edits-dir DIR] [--unsafe-no-epoch-check]";

  private JournalNodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    ServerMain.run("journalnode", USAGE, () -> start(args));
  }

  static JournalNode start(String[] args) throws Exception {
    CommandLine cl = CommandLine.parse(args, Set.of("--conf", "--address", "--http-port", "--edits-dir"),
        Set.of("--unsafe-no-epoch-check", "--help"));
    if (cl.has("--help")) {
      System.out.println(USAGE);
      System.exit(ExitCodes.OK);
    }
    Optional<HostPort> address = cl.get("--address").isPresent()
        ? Optional.of(address(cl.get("--address").get())) : Optional.empty();
    Optional<Path> editsDir = cl.get("--edits-dir").map(Path::of);
    if (address.isEmpty() || editsDir.isEmpty()) {
      DeploymentConfig conf = ConfLoading.load(cl.confDir(System.getenv()), LoadOptions.none());
      if (address.isEmpty()) {
        address = Optional.of(configuredAddress(conf));
      }
      if (editsDir.isEmpty()) {
        editsDir = Optional.of(conf.journalNode().editsDir());
      }
    }
    int httpPort = httpPort(cl.get("--http-port").orElse("0"));
    return JournalNode.start(address.get(), httpPort, editsDir.get(), !cl.has("--unsafe-no-epoch-check"));
  }

  private static int httpPort(String text) throws UsageException {
    try {
      int port = Integer.parseInt(text.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException("--http-port: '" + text + "' is not a port number (0-65535; 0 = any free port)");
    }
  }

  private static HostPort address(String text) throws UsageException {
    try {
      return HostPort.parse(text, 8485);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--address: " + e.getMessage());
    }
  }

  static HostPort configuredAddress(DeploymentConfig conf) throws UsageException {
    List<HostPort> listed = conf.nameservices().stream().map(NameserviceConfig::quorumJournal).flatMap(Optional::stream)
        .map(SharedEditsConfig::journalNodes).flatMap(List::stream).distinct().toList();
    if (listed.isEmpty()) {
      throw new UsageException("no journal node is configured: set dfs.namenode.shared.edits.dir "
          + "(qjournal://host:port/journalId) or pass --address HOST:PORT");
    }
    if (listed.size() > 1) {
      throw new UsageException("several journal nodes are configured " + listed + "; pass --address to pick one");
    }
    return listed.get(0);
  }
}
