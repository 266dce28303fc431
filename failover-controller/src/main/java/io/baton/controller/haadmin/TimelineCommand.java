package io.baton.controller.haadmin;

import io.baton.config.NameserviceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -timeline}: the recent failovers of every nameservice (or the one of {@code -ns}), merged from all
 * its controllers (each knows its own promotions and demotions), oldest first, with each phase's duration.
 */
final class TimelineCommand {
  private TimelineCommand() {}

  static ExitCode run(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    CommandArgs.parse("-timeline", args, Set.of(), Set.of()).expect("-timeline", 0);
    Table table = new Table("WHEN", "NAMESERVICE", "NAMENODE", "EVENT", "FROM", "EPOCH", "OUTCOME", "TOOK",
        "REASON", "PHASES");
    List<Object> json = new ArrayList<>();
    ExitCode code = ExitCode.OK;
    for (NameserviceConfig ns : ctx.targets().selected()) {
      List<ControllerApiCommands.Answer> answers = ControllerApiCommands.get(ctx, ns, "/v1/timeline");
      Map<String, Failovers.Entry> entries = new LinkedHashMap<>();
      for (ControllerApiCommands.Answer answer : answers) {
        if (answer.body() == null) {
          reply.err(ns.id() + "." + answer.nn().id() + ": " + answer.failure().getMessage());
          continue;
        }
        Failovers.read(ns.id(), answer.nn().id(), answer.body()).forEach(e -> entries.putIfAbsent(e.key(), e));
      }
      if (answers.stream().allMatch(a -> a.body() == null)) {
        code = answers.get(0).failure().exitCode();
      }
      entries.values().stream().sorted(Failovers.BY_START).forEach(e -> {
        table.row(e.start().map(JsonFields::show).orElse("-"), ns.id(), e.node(),
            e.isPromotion() ? "promotion" : "demotion", e.from(), e.epoch(), e.outcome(),
            e.took().map(Durations::format).orElse("-"), e.reason(), e.phases());
        Map<String, Object> m = Reply.object();
        m.put("nameservice", ns.id());
        m.put("record", e.raw());
        json.add(m);
      });
    }
    table.lines().forEach(reply::out);
    reply.put("failovers", json);
    return code;
  }
}
