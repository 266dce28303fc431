package io.baton.controller.haadmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands served by the controllers' admin API: {@code -explain}, {@code -timeline}, {@code -pause},
 * {@code -resume}. Reads ask every controller of the nameservice and use what answered; changes go to every
 * controller, and each one's answer is reported.
 */
final class ControllerApiCommands {
  private ControllerApiCommands() {}

  /** What one controller answered, or why it did not. */
  record Answer(NameNodeConfig nn, JsonNode body, HaAdminException failure) {}

  static ExitCode explain(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-explain";
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(), Set.of());
    if (a.positional().size() > 1) {
      throw HaAdminException.usage(cmd, "explain: incorrect number of arguments");
    }
    List<NameserviceConfig> nss = a.positional().isEmpty() ? ctx.targets().selected()
        : List.of(ctx.targets().named(a.positional().get(0)));
    List<Object> json = new ArrayList<>();
    ExitCode code = ExitCode.OK;
    for (NameserviceConfig ns : nss) {
      List<Answer> answers = ask(ctx, ns, "/v1/explain");
      Optional<Answer> answer = answers.stream().filter(x -> x.body() != null).findFirst();
      Map<String, Object> entry = Reply.object();
      entry.put("nameservice", ns.id());
      if (answer.isEmpty()) {
        HaAdminException why = answers.get(0).failure();
        reply.out(ns.id() + ": no controller answered: " + why.getMessage());
        entry.put("error", why.getMessage());
        code = why.exitCode();
      } else {
        JsonNode body = answer.get().body();
        entry.put("from", answer.get().nn().id());
        entry.put("explain", body);
        render(ns.id(), body, reply);
      }
      json.add(entry);
    }
    reply.put("nameservices", json);
    return code;
  }

  private static void render(String nsId, JsonNode body, Reply reply) {
    String headline = JsonFields.text(body, "summary", "explanation", "message", "verdict").orElse(null);
    reply.out(nsId + ": " + (headline != null ? headline : ""));
    for (String list : List.of("reasons", "blockers", "details", "candidates")) {
      JsonNode items = body.get(list);
      if (items != null && items.isArray()) {
        items.forEach(i -> reply.out("  - " + (i.isValueNode() ? i.asText() : i.toString())));
      }
    }
    if (headline == null) {
      reply.out("  " + body.toPrettyString().replace("\n", "\n  "));
    }
  }

  static ExitCode timeline(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    CommandArgs.parse("-timeline", args, Set.of(), Set.of()).expect("-timeline", 0);
    Table table = new Table("WHEN", "NAMESERVICE", "FROM", "TO", "EPOCH", "TOOK", "REASON", "PHASES");
    List<Object> json = new ArrayList<>();
    ExitCode code = ExitCode.OK;
    for (NameserviceConfig ns : ctx.targets().selected()) {
      List<Answer> answers = ask(ctx, ns, "/v1/timeline");
      if (answers.stream().allMatch(x -> x.body() == null)) {
        HaAdminException why = answers.get(0).failure();
        reply.err(ns.id() + ": no controller answered: " + why.getMessage());
        code = why.exitCode();
        continue;
      }
      Map<String, JsonNode> events = new LinkedHashMap<>();
      for (Answer answer : answers) {
        if (answer.body() != null) {
          entries(answer.body()).forEach(e -> events.putIfAbsent(key(e), e));
        }
      }
      events.values().stream()
          .sorted((x, y) -> when(x).compareTo(when(y)))
          .forEach(e -> {
            table.row(when(e), ns.id(), JsonFields.text(e, "from", "oldActive").orElse("-"),
                JsonFields.text(e, "to", "newActive").orElse("-"), JsonFields.text(e, "epoch").orElse("-"),
                JsonFields.duration(e, "durationMs", "tookMs", "duration").orElse("-"),
                JsonFields.text(e, "reason", "cause").orElse("-"), phases(e));
            json.add(e);
          });
    }
    table.lines().forEach(reply::out);
    reply.put("failovers", json);
    return code;
  }

  private static List<JsonNode> entries(JsonNode body) {
    JsonNode list = body.isArray() ? body : body.has("failovers") ? body.get("failovers")
        : body.has("timeline") ? body.get("timeline") : body.get("events");
    List<JsonNode> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(out::add);
    }
    return out;
  }

  private static String key(JsonNode e) {
    return JsonFields.text(e, "id").orElse(JsonFields.text(e, "epoch").orElse("") + "@" + when(e));
  }

  private static String when(JsonNode e) {
    return JsonFields.text(e, "startedAt", "at", "start", "time").orElse("-");
  }

  /** {@code detect 120ms, fence 412ms, promote 80ms}. */
  private static String phases(JsonNode e) {
    JsonNode phases = e.get("phases");
    if (phases == null) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    if (phases.isArray()) {
      phases.forEach(p -> parts.add(JsonFields.text(p, "name", "phase").orElse("?") + " "
          + JsonFields.duration(p, "durationMs", "tookMs", "duration").orElse("?")));
    } else {
      phases.fields().forEachRemaining(f -> parts.add(f.getKey() + " "
          + (f.getValue().isNumber() ? Durations.format(Duration.ofMillis(f.getValue().asLong()))
              : f.getValue().asText())));
    }
    return String.join(", ", parts);
  }

  static ExitCode pause(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-pause";
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(), Set.of("reason", "expiry")).expect(cmd, 0);
    Map<String, Object> body = Reply.object();
    body.put("reason", a.value("reason").orElse("paused with haadmin by " + System.getProperty("user.name")));
    if (a.value("expiry").isPresent()) {
      Duration expiry;
      try {
        expiry = Durations.parse("--expiry", a.value("expiry").get());
      } catch (IllegalArgumentException e) {
        throw HaAdminException.usage(cmd, "pause: " + e.getMessage());
      }
      body.put("expiry", expiry.toString());
    }
    return change(ctx, "/v1/pause", body, "paused", reply);
  }

  static ExitCode resume(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    CommandArgs.parse("-resume", args, Set.of(), Set.of()).expect("-resume", 0);
    return change(ctx, "/v1/resume", Map.of(), "resumed", reply);
  }

  /** POSTs to every controller of the nameservice; succeeds only if all of them accepted. */
  private static ExitCode change(Context ctx, String path, Map<String, Object> body, String verb, Reply reply)
      throws HaAdminException {
    NameserviceConfig ns = ctx.targets().nameservice();
    AdminApiClient api = ctx.adminApi();
    List<Answer> answers = Parallel.map(ns.namenodes(), nn -> {
      try {
        return new Answer(nn, api.post(nn, path, body), null);
      } catch (HaAdminException e) {
        return new Answer(nn, null, e);
      }
    }, ctx.timeouts().check().plusSeconds(5), (nn, t) -> new Answer(nn, null,
        new HaAdminException(ExitCode.TIMEOUT, "no answer from " + ControllerRpcClient.describe(nn))));
    ExitCode code = ExitCode.OK;
    List<Object> json = new ArrayList<>();
    for (Answer answer : answers) {
      Map<String, Object> m = Reply.object();
      m.put("namenode", answer.nn().id());
      if (answer.body() != null) {
        String until = JsonFields.text(answer.body(), "expiresAt", "until", "maintenance.expiresAt").orElse(null);
        reply.out("Automatic failover of " + ns.id() + " " + verb + " at the controller of " + answer.nn().id()
            + (until != null && verb.equals("paused") ? " until " + until : ""));
        m.put("ok", true);
        m.put("response", answer.body());
      } else {
        reply.err(answer.failure().getMessage());
        m.put("ok", false);
        m.put("error", answer.failure().getMessage());
        code = code == ExitCode.OK ? answer.failure().exitCode() : code;
      }
      json.add(m);
    }
    reply.put("nameservice", ns.id()).put("request", body).put("controllers", json);
    return code;
  }

  private static List<Answer> ask(Context ctx, NameserviceConfig ns, String path) {
    AdminApiClient api = ctx.adminApi();
    return Parallel.map(ns.namenodes(), nn -> {
      try {
        return new Answer(nn, api.get(nn, path), null);
      } catch (HaAdminException e) {
        return new Answer(nn, null, e);
      }
    }, ctx.timeouts().check().plusSeconds(5), (nn, t) -> new Answer(nn, null,
        new HaAdminException(ExitCode.TIMEOUT, "no answer from " + ControllerRpcClient.describe(nn))));
  }
}
