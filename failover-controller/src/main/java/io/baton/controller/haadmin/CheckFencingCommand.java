package io.baton.controller.haadmin;

import io.baton.config.NameNodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -checkFencing [--from-controllers] <id>}: the fencing pre-flight against one NameNode. Every
 * configured method checks that it could fence (reachable host, keys, commands present), and nothing is
 * fenced; exit 0 only if all pass. By default the drill runs here; with {@code --from-controllers} the
 * controllers of the other NameNodes run it ({@code POST /v1/fencing-drill}), since they are the ones that
 * fence during an automatic failover, from their hosts, with their keys.
 */
final class CheckFencingCommand {
  static final String FROM_CONTROLLERS = "from-controllers";
  private CheckFencingCommand() {}

  static ExitCode run(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-checkFencing";
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(FROM_CONTROLLERS), Set.of()).expect(cmd, 1);
    NameNodeConfig nn = ctx.targets().namenode(a.positional().get(0));
    StateCommands.describe(reply, nn);
    if (!nn.fencing().isConfigured()) {
      throw new HaAdminException(ExitCode.FENCING_FAILED, "No fencing method is configured for " + nn.id()
          + "; set dfs.ha.fencing.methods (e.g. sshfence, then shell(/bin/true) as the last resort)");
    }
    if (a.has(FROM_CONTROLLERS)) {
      return ControllerDrills.run(ctx, nn, reply);
    }
    Fencer.DrillResult drill = ctx.fencer().drill(ctx.deployment(), nn);
    Table table = new Table("RESULT", "METHOD", "TOOK", "DETAIL");
    List<Object> json = new ArrayList<>();
    for (Fencer.MethodResult r : drill.checks()) {
      table.row(r.success() ? "PASS" : "FAIL", r.method(), Durations.format(r.took()), r.detail());
      Map<String, Object> m = Reply.object();
      m.put("method", r.method());
      m.put("passed", r.success());
      m.put("detail", r.detail());
      m.put("tookMs", r.took().toMillis());
      json.add(m);
    }
    table.lines().forEach(reply::out);
    reply.put("passed", drill.passed()).put("checks", json);
    if (!drill.passed()) {
      List<String> failed = drill.checks().stream().filter(c -> !c.success()).map(Fencer.MethodResult::method).toList();
      List<String> passed = drill.checks().stream().filter(Fencer.MethodResult::success)
          .map(Fencer.MethodResult::method).toList();
      throw new HaAdminException(ExitCode.FENCING_FAILED, "Fencing pre-flight for " + nn.id() + " FAILED: "
          + String.join(", ", failed) + (passed.isEmpty()
              ? " would not work, so a failover that must fence " + nn.id() + " would not promote anyone."
              : " would not work; fencing would fall through to " + String.join(", ", passed) + "."));
    }
    reply.out("Fencing pre-flight for " + nn.id() + " passed");
    return ExitCode.OK;
  }
}
