package io.baton.controller.haadmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -explain}, {@code -pause}, {@code -resume}: served by the controllers' admin API. Every controller of
 * the nameservice is asked at once; each one's answer (or why there was none) is reported, because "the
 * controller of nn2 is down" is itself part of why no failover happens.
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
      List<Answer> answers = get(ctx, ns, "/v1/explain");
      reply.out(ns.id() + ":");
      List<Object> controllers = new ArrayList<>();
      for (Answer answer : answers) {
        Map<String, Object> m = Reply.object();
        m.put("namenode", answer.nn().id());
        String prefix = "  " + answer.nn().id() + ": ";
        if (answer.body() == null) {
          reply.out(prefix + "no answer from its controller: " + answer.failure().getMessage());
          m.put("error", answer.failure().getMessage());
        } else {
          List<String> lines = lines(answer.body());
          String indent = " ".repeat(prefix.length());
          for (int i = 0; i < lines.size(); i++) {
            reply.out((i == 0 ? prefix : indent) + lines.get(i));
          }
          m.put("explain", lines);
          m.put("response", answer.body());
        }
        controllers.add(m);
      }
      if (answers.stream().allMatch(x -> x.body() == null)) {
        code = answers.get(0).failure().exitCode();
      }
      Map<String, Object> entry = Reply.object();
      entry.put("nameservice", ns.id());
      entry.put("controllers", controllers);
      json.add(entry);
    }
    reply.put("nameservices", json);
    return code;
  }

  /** The explanation's sentences: an array, or an object with a list or a headline under a known name. */
  private static List<String> lines(JsonNode body) {
    List<String> lines = new ArrayList<>();
    JsonNode list = body.isArray() ? body
        : JsonFields.node(body, "explain", "explanation", "reasons", "lines", "blockers").orElse(null);
    if (list != null && list.isArray()) {
      list.forEach(i -> lines.add(i.isValueNode() ? i.asText() : i.toString()));
    } else if (list != null) {
      lines.add(list.asText());
    } else {
      JsonFields.text(body, "summary", "message", "verdict").ifPresentOrElse(lines::add, () -> lines.add(
          body.toString()));
    }
    return lines.isEmpty() ? List.of("(nothing to explain)") : lines;
  }

  static ExitCode pause(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-pause";
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(), Set.of("reason", "expiry")).expect(cmd, 0);
    Map<String, Object> body = Reply.object();
    body.put("reason", a.value("reason").orElse("paused with haadmin by " + System.getProperty("user.name")));
    if (a.value("expiry").isPresent()) {
      String expiry = a.value("expiry").get().trim();
      try {
        Durations.parse("--expiry", expiry);
      } catch (IllegalArgumentException e) {
        throw HaAdminException.usage(cmd, "pause: " + e.getMessage());
      }
      body.put("expiry", expiry);
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
    List<Answer> answers = ask(ctx, ns.namenodes(), nn -> api.post(nn, path, body));
    ExitCode code = ExitCode.OK;
    List<Object> json = new ArrayList<>();
    for (Answer answer : answers) {
      Map<String, Object> m = Reply.object();
      m.put("namenode", answer.nn().id());
      if (answer.body() != null) {
        String message = JsonFields.text(answer.body(), "message").filter(t -> !t.isBlank()).orElse(null);
        reply.out("Automatic failover of " + ns.id() + " " + verb + " at the controller of " + answer.nn().id()
            + (message != null ? ": " + message : ""));
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

  /** GETs {@code path} from every controller of {@code ns} at once. */
  static List<Answer> get(Context ctx, NameserviceConfig ns, String path) {
    AdminApiClient api = ctx.adminApi();
    return ask(ctx, ns.namenodes(), nn -> api.get(nn, path));
  }

  /** A call to one controller's admin API. */
  interface Call {
    JsonNode apply(NameNodeConfig nn) throws HaAdminException;
  }

  /** Calls the controllers of {@code nns} at once; each answer or failure, in order. */
  static List<Answer> ask(Context ctx, List<NameNodeConfig> nns, Call call) {
    return Parallel.map(nns, nn -> {
      try {
        return new Answer(nn, call.apply(nn), null);
      } catch (HaAdminException e) {
        return new Answer(nn, null, e);
      }
    }, ctx.timeouts().check().plusSeconds(5), (nn, t) -> new Answer(nn, null,
        new HaAdminException(ExitCode.TIMEOUT, "no answer from " + ControllerRpcClient.describe(nn))));
  }
}
