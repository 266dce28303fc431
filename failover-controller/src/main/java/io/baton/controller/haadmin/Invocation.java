package io.baton.controller.haadmin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed command line: the global options (valid anywhere on the line) and the command with its own
 * arguments, still unparsed because each command owns its flags.
 *
 * @param confDir {@code --conf DIR}; empty means {@code $HADOOP_CONF_DIR}
 * @param nameservice {@code -ns <nsId>}
 * @param json {@code --json}: one JSON document on stdout
 * @param debug {@code --debug}: stack traces on failures
 * @param assumeYes {@code -y}/{@code --yes}: answer the {@code --forcemanual} confirmation with yes
 * @param timeout {@code --timeout}: overrides every RPC and HTTP timeout
 * @param hadoopOverrides {@code -D key=value}: Hadoop properties for the IPC clients
 * @param command e.g. {@code -getServiceState}; empty when none was given
 * @param args the command's arguments and flags, in order
 * @param adminTokenFile {@code --admin-token-file FILE}: the admin API token; empty means
 *     {@code controller.admin-token-file}
 */
record Invocation(
    Optional<Path> confDir,
    Optional<String> nameservice,
    boolean json,
    boolean debug,
    boolean assumeYes,
    Optional<Duration> timeout,
    Map<String, String> hadoopOverrides,
    Optional<String> command,
    List<String> args,
    Optional<Path> adminTokenFile) {

  Invocation {
    hadoopOverrides = Map.copyOf(hadoopOverrides);
    args = List.copyOf(args);
  }

  /** The command name for messages and JSON, {@code -help} when none was given. */
  String commandName() {
    return command.orElse("-help");
  }
}
