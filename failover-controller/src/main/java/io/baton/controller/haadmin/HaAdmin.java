package io.baton.controller.haadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.baton.config.ConfigException;
import io.baton.config.DeploymentConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The haadmin tool: parses the command line, loads the configuration, runs one command and prints its reply
 * as Hadoop-compatible text or as JSON. Returns the exit status; never throws, never prints a stack trace
 * unless {@code --debug}.
 */
public final class HaAdmin {
  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Map<String, String> env;
  private final ConfigSource configSource;
  private final Fencer fencer;

  /**
   * @param env the environment ({@code HADOOP_CONF_DIR})
   * @param configSource loads the conf folder
   * @param fencer fences and drills for {@code -failover} and {@code -checkFencing}
   */
  HaAdmin(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, ConfigSource configSource,
      Fencer fencer) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = Map.copyOf(env);
    this.configSource = configSource;
    this.fencer = fencer;
  }

  /**
   * haadmin as {@code bin/haadmin} runs it (the config module's loader, the fencing module's chain), writing
   * to the given streams: for running commands in-process (tests, the chaos kit, the demo).
   *
   * @param env the environment; only {@code HADOOP_CONF_DIR} is read
   */
  public static HaAdmin create(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
    return new HaAdmin(out, err, in, env, Wiring.configSource(), Wiring.fencer());
  }

  /** The exit status of one command line. */
  public int run(String... argv) {
    Reply reply = new Reply();
    boolean json = Arrays.asList(argv).contains("--json");
    boolean debug = Arrays.asList(argv).contains("--debug");
    String command = "-help";
    ExitCode code;
    HaAdminException failure = null;
    try {
      Invocation inv = InvocationParser.parse(argv);
      command = inv.commandName();
      code = dispatch(inv, reply);
    } catch (HaAdminException e) {
      failure = e;
      code = e.exitCode();
    } catch (RuntimeException e) {
      failure = new HaAdminException(ExitCode.FAILED, "Unexpected error: " + e
          + (debug ? "" : " (run with --debug for the stack trace)"), e);
      code = ExitCode.FAILED;
    }
    if (json) {
      printJson(command, code, reply, failure);
    } else {
      reply.outLines().forEach(out::println);
    }
    reply.errLines().forEach(err::println);
    if (failure != null) {
      printFailure(failure, debug, json);
    }
    out.flush();
    err.flush();
    return code.code();
  }

  private ExitCode dispatch(Invocation inv, Reply reply) throws HaAdminException {
    Optional<String> command = inv.command();
    if (command.isEmpty()) {
      throw HaAdminException.usage(null, "No command given");
    }
    String cmd = command.get();
    if (cmd.equals("-help") || cmd.equals("--help") || cmd.equals("-h")) {
      return HelpCommand.run(inv.args(), reply);
    }
    if (!Usage.isCommand(cmd)) {
      throw HaAdminException.usage(null, CommandArgs.bare(cmd) + ": Unknown command");
    }
    Context ctx = context(inv, load(inv));
    return switch (cmd) {
      case "-getServiceState" -> StateCommands.getServiceState(ctx, inv.args(), reply);
      case "-getAllServiceState" -> StateCommands.getAllServiceState(ctx, inv.args(), reply);
      case "-checkHealth" -> StateCommands.checkHealth(ctx, inv.args(), reply);
      case "-transitionToActive" -> TransitionCommands.toActive(ctx, inv.args(), reply);
      case "-transitionToStandby" -> TransitionCommands.toStandby(ctx, inv.args(), reply);
      case "-transitionToObserver" -> TransitionCommands.toObserver(ctx, inv.args(), reply);
      case "-failover" -> FailoverCommand.run(ctx, inv.args(), reply);
      case "-status" -> StatusCommand.run(ctx, inv.args(), reply);
      case "-checkFencing" -> CheckFencingCommand.run(ctx, inv.args(), reply);
      case "-explain" -> ControllerApiCommands.explain(ctx, inv.args(), reply);
      case "-timeline" -> TimelineCommand.run(ctx, inv.args(), reply);
      case "-pause" -> ControllerApiCommands.pause(ctx, inv.args(), reply);
      case "-resume" -> ControllerApiCommands.resume(ctx, inv.args(), reply);
      default -> throw new IllegalStateException("command without a handler: " + cmd);
    };
  }

  private DeploymentConfig load(Invocation inv) throws HaAdminException {
    Optional<Path> dir = inv.confDir().or(() -> Optional.ofNullable(env.get("HADOOP_CONF_DIR"))
        .filter(s -> !s.isBlank()).map(Path::of));
    if (dir.isEmpty()) {
      throw new HaAdminException(ExitCode.CONFIG,
          "No configuration folder: pass --conf <dir> or set HADOOP_CONF_DIR");
    }
    if (!Files.isDirectory(dir.get())) {
      throw new HaAdminException(ExitCode.CONFIG, "Configuration folder " + dir.get()
          + " does not exist or is not a folder; pass --conf <dir> with core-site.xml and hdfs-site.xml");
    }
    try {
      return configSource.load(dir.get());
    } catch (ConfigException e) {
      throw new HaAdminException(ExitCode.CONFIG, "Invalid configuration in " + dir.get() + ": " + e.getMessage(), e);
    }
  }

  private Context context(Invocation inv, DeploymentConfig deployment) {
    Configuration ipc = IpcSettings.base(deployment.toHadoopConfiguration());
    inv.hadoopOverrides().forEach(ipc::set);
    Confirmation confirmation = new Confirmation(
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), err, inv.assumeYes());
    Timeouts timeouts = Timeouts.of(deployment.failover(), inv.timeout());
    return new Context(inv, deployment, new Targets(deployment, inv.nameservice()), timeouts, ipc, fencer,
        confirmation, new AdminApiClient(deployment.controller(), timeouts.check(),
            inv.adminTokenFile().orElse(deployment.controller().adminAuth().tokenFile())));
  }

  private void printFailure(HaAdminException failure, boolean debug, boolean json) {
    err.println(failure.getMessage());
    if (failure.showUsage() && !json) {
      if (failure.usageOf().isPresent()) {
        err.println(Usage.of(failure.usageOf().get()));
      } else {
        Usage.full().forEach(err::println);
      }
    }
    if (debug && failure.getCause() != null) {
      StringWriter trace = new StringWriter();
      failure.getCause().printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
  }

  private void printJson(String command, ExitCode code, Reply reply, HaAdminException failure) {
    Map<String, Object> doc = Reply.object();
    doc.put("command", command);
    doc.put("exitCode", code.code());
    doc.put("status", code.name());
    doc.putAll(reply.json());
    if (failure != null) {
      Map<String, Object> error = Reply.object();
      error.put("message", failure.getMessage());
      failure.usageOf().filter(c -> failure.showUsage()).ifPresent(c -> error.put("usage", Usage.of(c)));
      doc.put("error", error);
    }
    try {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      out.println("{\"command\":\"" + command + "\",\"exitCode\":" + code.code() + ",\"error\":{\"message\":"
          + "\"cannot encode the reply as JSON: " + e.getOriginalMessage().replace('"', '\'') + "\"}}");
    }
  }
}
