package io.baton.controller.haadmin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The commands, their arguments and help, printed in Hadoop's format ({@code Usage: haadmin [-ns
 * <nameserviceId>]} then one {@code [-cmd args]} line per command, sorted) so that the Hadoop commands read
 * exactly as in {@code hdfs haadmin}.
 */
final class Usage {
  /** One command: {@code args} is empty for commands without arguments. */
  record Spec(String name, Optional<String> args, String help) {}

  static final String USAGE_PREFIX = "Usage: haadmin [-ns <nameserviceId>]";

  private static final Map<String, Spec> SPECS = new TreeMap<>();

  static {
    add("-transitionToActive", "[--forceactive] <serviceId>", "Transitions the service into Active state");
    add("-transitionToStandby", "<serviceId>", "Transitions the service into Standby state");
    add("-transitionToObserver", "<serviceId>", "Transitions the service into Observer state");
    add("-getServiceState", "<serviceId>", "Returns the state of the service");
    add("-getAllServiceState", null, "Returns the state of all the services");
    add("-checkHealth", "<serviceId>", "Requests that the service perform a health check.\n"
        + "The HAAdmin tool will exit with a non-zero exit code\n"
        + "if the check fails.");
    add("-failover", "[--forcefence] [--forceactive] <serviceId> <serviceId>",
        "Failover from the first service to the second.\n"
            + "Unconditionally fence services if the --forcefence option is used.\n"
            + "Try to failover to the target service even if it is not ready if the --forceactive option is used.");
    add("-help", "<command>", "Displays help on the specified command");
    add("-status", null, "Shows every nameservice in one table: NameNode, state, health, active since,\n"
        + "epoch, last failover and its duration");
    add("-checkFencing", "[--from-controllers] <serviceId>", "Runs the fencing pre-flight against the service:"
        + " checks that every\nconfigured fencing method would work, without fencing anything. With "
        + "--from-controllers,\nthe controllers of the other NameNodes run it, from where they would fence");
    add("-explain", "[<nameserviceId>]", "Explains why the last failover happened, or why none is happening now\n"
        + "(unhealthy candidates, maintenance, anti-flapping, fencing failing)");
    add("-pause", "[--reason <text>] [--expiry <duration>]", "Pauses automatic failover of the nameservice\n"
        + "(maintenance) until -resume or the expiry (default: controller.maintenance-default-expiry)");
    add("-resume", null, "Resumes automatic failover of the nameservice");
    add("-timeline", null, "Shows the recent failovers: when, why, from and to, each phase and its duration");
  }

  private Usage() {}

  private static void add(String name, String args, String help) {
    SPECS.put(name, new Spec(name, Optional.ofNullable(args), help));
  }

  static Optional<Spec> spec(String command) {
    return Optional.ofNullable(SPECS.get(command));
  }

  static boolean isCommand(String command) {
    return SPECS.containsKey(command);
  }

  /** The whole tool's usage. */
  static List<String> full() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add(USAGE_PREFIX);
    SPECS.values().forEach(s -> lines.add("    [" + bracketBody(s) + "]"));
    lines.add("");
    lines.add("Global options (anywhere on the line):");
    lines.add("    --conf <dir>           configuration folder (default: $HADOOP_CONF_DIR)");
    lines.add("    -ns <nameserviceId>    the nameservice (needed when several are configured)");
    lines.add("    --json                 one JSON document on stdout");
    lines.add("    --timeout <duration>   timeout of every RPC and HTTP call (e.g. 5s; default from the configuration)");
    lines.add("    --admin-token-file <f> the controllers' admin API token (default: controller.admin-token-file)");
    lines.add("    --forcemanual          with transitions and -failover: manual control although automatic failover is on");
    lines.add("    -y, --yes              confirm --forcemanual without the prompt");
    lines.add("    -D <key>=<value>       Hadoop property for the IPC clients");
    lines.add("    --debug                stack traces on failures");
    return lines;
  }

  /** One command's usage line: {@code Usage: haadmin [-ns <nameserviceId>] [-failover ...]}. */
  static String of(String command) {
    Spec s = SPECS.get(command);
    return s == null ? USAGE_PREFIX : USAGE_PREFIX + " [" + bracketBody(s) + "]";
  }

  /** {@code -help <cmd>} text: {@code -getServiceState [<serviceId>]: Returns the state of the service}. */
  static String help(Spec s) {
    return s.name() + s.args().map(a -> " [" + a + "]").orElse("") + ": " + s.help();
  }

  private static String bracketBody(Spec s) {
    return s.name() + s.args().map(a -> " " + a).orElse("");
  }
}
