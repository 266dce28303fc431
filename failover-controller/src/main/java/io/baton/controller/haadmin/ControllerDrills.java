package io.baton.controller.haadmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code -checkFencing --from-controllers <id>}: asks the controller of every other NameNode of the
 * nameservice to run its fencing drill now ({@code POST /v1/fencing-drill}) and reports each one's result for
 * {@code <id>}. Exit 0 only if every controller answered and every method passed.
 */
final class ControllerDrills {
  private ControllerDrills() {}

  static ExitCode run(Context ctx, NameNodeConfig target, Reply reply) throws HaAdminException {
    NameserviceConfig ns = ctx.targets().named(target.nameserviceId());
    List<NameNodeConfig> peers = ns.namenodes().stream().filter(nn -> !nn.id().equals(target.id())).toList();
    List<ControllerApiCommands.Answer> answers = ControllerApiCommands.ask(ctx, peers,
        nn -> ctx.adminApi().post(nn, "/v1/fencing-drill", Map.of()));

    Table table = new Table("FROM", "RESULT", "METHOD", "TOOK", "DETAIL");
    List<Object> json = new ArrayList<>();
    ExitCode code = ExitCode.OK;
    for (ControllerApiCommands.Answer answer : answers) {
      Map<String, Object> m = Reply.object();
      m.put("from", answer.nn().id());
      Optional<JsonNode> result = answer.body() == null ? Optional.empty() : resultFor(answer.body(), target);
      if (answer.body() == null) {
        table.row(answer.nn().id(), "FAIL", "-", "-", answer.failure().getMessage());
        m.put("error", answer.failure().getMessage());
        code = ExitCode.FENCING_FAILED;
      } else if (result.isEmpty()) {
        String why = "its controller has no drill result for " + target.id();
        table.row(answer.nn().id(), "FAIL", "-", "-", why);
        m.put("error", why);
        code = ExitCode.FENCING_FAILED;
      } else {
        JsonNode methods = result.get().path("methods");
        methods.forEach(x -> table.row(answer.nn().id(), x.path("passed").asBoolean() ? "PASS" : "FAIL",
            x.path("method").asText("-"), JsonFields.duration(x, "millis").map(Durations::format).orElse("-"),
            x.path("detail").asText("")));
        if (!result.get().path("passed").asBoolean() || methods.isEmpty()) {
          code = ExitCode.FENCING_FAILED;
        }
        m.put("result", result.get());
      }
      json.add(m);
    }
    table.lines().forEach(reply::out);
    reply.put("controllers", json);
    if (code != ExitCode.OK) {
      throw new HaAdminException(code, "Fencing pre-flight for " + target.id() + " FAILED at a controller that"
          + " would fence it: see the FAIL lines");
    }
    reply.out("Fencing pre-flight for " + target.id() + " passed at every other controller");
    return ExitCode.OK;
  }

  /** The drill result about {@code target} in the controller's list ({@code [{target, at, passed, methods}]}). */
  private static Optional<JsonNode> resultFor(JsonNode body, NameNodeConfig target) {
    if (!body.isArray()) {
      return Optional.empty();
    }
    for (JsonNode r : body) {
      String t = r.path("target").asText("");
      if (t.equals(target.id()) || t.equals(target.qualifiedId())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
