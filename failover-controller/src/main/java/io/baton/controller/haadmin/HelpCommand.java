package io.baton.controller.haadmin;

import java.util.List;

/** {@code -help [<command>]}: on stdout, exit 0 (Hadoop's behaviour); an unknown command is a usage error. */
final class HelpCommand {
  private HelpCommand() {}

  static ExitCode run(List<String> args, Reply reply) throws HaAdminException {
    if (args.isEmpty()) {
      Usage.full().forEach(reply::out);
      reply.put("usage", Usage.full());
      return ExitCode.OK;
    }
    if (args.size() != 1) {
      throw HaAdminException.usage("-help", "help: incorrect number of arguments");
    }
    String cmd = args.get(0).startsWith("-") ? args.get(0) : "-" + args.get(0);
    Usage.Spec spec = Usage.spec(cmd).orElseThrow(() -> HaAdminException.usage(null, cmd + ": Unknown command"));
    reply.out(Usage.help(spec));
    reply.put("help", cmd).put("usage", Usage.of(cmd)).put("text", spec.help());
    return ExitCode.OK;
  }
}
