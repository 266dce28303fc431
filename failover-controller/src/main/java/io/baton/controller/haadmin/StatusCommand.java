package io.baton.controller.haadmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.ha.HAServiceStatus;

/**
 * {@code -status}: one table of every nameservice (or the one of {@code -ns}). State and health come from
 * each NameNode over IPC; active-since, epoch and the last failover from its controller's admin API. All
 * nodes are asked at once. Exit 0 when every nameservice has exactly one active NameNode.
 */
final class StatusCommand {
  private StatusCommand() {}

  /** What one NameNode and its controller said. */
  record Row(NameNodeConfig nn, String state, String health, String error, JsonNode controller, String controllerError) {}

  static ExitCode run(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    CommandArgs.parse("-status", args, Set.of(), Set.of()).expect("-status", 0);
    List<NameNodeConfig> nns = new ArrayList<>();
    for (NameserviceConfig ns : ctx.targets().selected()) {
      nns.addAll(ns.namenodes());
    }
    AdminApiClient api = ctx.adminApi();
    List<Row> rows = Parallel.map(nns, nn -> probe(ctx, api, nn), ctx.timeouts().check().multipliedBy(3),
        (nn, t) -> new Row(nn, "unknown", "-", RpcFailures.firstLine(t), null, null));

    Table table = new Table("NAMESERVICE", "NAMENODE", "ADDRESS", "STATE", "HEALTH", "ACTIVE SINCE", "EPOCH",
        "LAST FAILOVER", "TOOK");
    List<Object> json = new ArrayList<>();
    for (Row r : rows) {
      JsonNode c = r.controller();
      String since = "active".equals(r.state()) ? activeSince(r).map(JsonFields::show).orElse("-") : "-";
      String epoch = c != null ? JsonFields.text(c, "epoch", "election.epoch").orElse("-") : "-";
      Optional<Failovers.Entry> last = lastFailover(rows, r.nn().nameserviceId());
      String lastAt = last.flatMap(Failovers.Entry::start).map(JsonFields::show)
          .map(t -> t + " (" + last.get().node() + ", " + last.get().outcome() + ")").orElse("-");
      String took = last.flatMap(Failovers.Entry::took).map(Durations::format).orElse("-");
      table.row(r.nn().nameserviceId(), r.nn().id(), r.nn().haAddress().toString(), r.state(), r.health(), since,
          epoch, lastAt, took);
      json.add(toJson(r, since, epoch, lastAt, took));
    }
    table.lines().forEach(reply::out);
    rows.stream().filter(r -> r.controller() != null).forEach(r -> maintenance(r).ifPresent(reply::out));
    rows.stream().filter(r -> r.error() != null).forEach(r -> reply.err(r.nn().qualifiedId() + ": " + r.error()));
    rows.stream().filter(r -> r.controllerError() != null && r.error() == null)
        .forEach(r -> reply.err(r.nn().qualifiedId() + ": controller: " + r.controllerError()));
    reply.put("namenodes", json);
    return verdict(ctx, rows, reply);
  }

  /** {@code ns1.nn1: automatic failover paused until ...: reason}, when the controller is in maintenance. */
  private static Optional<String> maintenance(Row r) {
    return JsonFields.node(r.controller(), "maintenance").filter(m -> m.isObject()).map(m -> r.nn().qualifiedId()
        + ": automatic failover paused" + JsonFields.instant(m, "until").map(t -> " until " + JsonFields.show(t))
            .orElse("") + ": " + JsonFields.text(m, "reason").orElse("(no reason given)"));
  }

  /** Stated by the controller, else the end of this node's last successful promotion. */
  private static Optional<Instant> activeSince(Row r) {
    if (r.controller() == null) {
      return Optional.empty();
    }
    Optional<Instant> stated = JsonFields.instant(r.controller(), "activeSince", "local.activeSince");
    if (stated.isPresent()) {
      return stated;
    }
    return Failovers.read(r.nn().nameserviceId(), r.nn().id(), r.controller()).stream()
        .filter(e -> e.isPromotion() && e.node().equals(r.nn().id()) && e.outcome().equalsIgnoreCase("SUCCEEDED"))
        .max(Failovers.BY_START).flatMap(e -> lastPhaseEnd(e.raw()).or(e::end));
  }

  /**
   * When the last phase (promote) ended: the NameNode became active then. start + took is late by the elect
   * phase, which begins before the record's start (when the lock went free).
   */
  private static Optional<Instant> lastPhaseEnd(JsonNode record) {
    JsonNode phases = record.get("phases");
    if (phases == null || !phases.isArray() || phases.isEmpty()) {
      return Optional.empty();
    }
    JsonNode last = phases.get(phases.size() - 1);
    Optional<Instant> start = JsonFields.instant(last, "start");
    Optional<java.time.Duration> took = JsonFields.duration(last, "millis", "duration", "durationMs", "tookMs");
    return start.flatMap(s -> took.map(s::plus));
  }

  /** The newest promotion any controller of the nameservice reports. */
  private static Optional<Failovers.Entry> lastFailover(List<Row> rows, String nsId) {
    return rows.stream().filter(r -> r.nn().nameserviceId().equals(nsId) && r.controller() != null)
        .flatMap(r -> Failovers.read(nsId, r.nn().id(), r.controller()).stream())
        .filter(Failovers.Entry::isPromotion).max(Failovers.BY_START);
  }

  private static Row probe(Context ctx, AdminApiClient api, NameNodeConfig nn) {
    String state;
    String health;
    String error = null;
    try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().check())) {
      HAServiceStatus status = client.status();
      state = status.getState().toString();
      try {
        client.monitorHealth();
        health = "healthy";
      } catch (HaAdminException e) {
        health = e.exitCode() == ExitCode.UNHEALTHY ? "unhealthy" : "unknown";
        error = "health: " + e.getMessage();
      }
    } catch (HaAdminException e) {
      state = e.exitCode() == ExitCode.TIMEOUT ? "no answer" : "unreachable";
      health = "-";
      error = e.getMessage();
    }
    try {
      return new Row(nn, state, health, error, api.get(nn, "/v1/status"), null);
    } catch (HaAdminException e) {
      return new Row(nn, state, health, error, null, e.getMessage());
    }
  }

  private static Map<String, Object> toJson(Row r, String since, String epoch, String last, String took) {
    Map<String, Object> m = Reply.object();
    m.put("nameservice", r.nn().nameserviceId());
    m.put("namenode", r.nn().id());
    m.put("address", r.nn().haAddress().toString());
    m.put("state", r.state());
    m.put("health", r.health());
    m.put("activeSince", since);
    m.put("epoch", epoch);
    m.put("lastFailover", last);
    m.put("lastFailoverTook", took);
    if (r.error() != null) {
      m.put("error", r.error());
    }
    if (r.controller() != null) {
      m.put("controller", r.controller());
    } else if (r.controllerError() != null) {
      m.put("controllerError", r.controllerError());
    }
    return m;
  }

  /** Exactly one active per nameservice is healthy; none, or two (split brain), is what the exit code says. */
  private static ExitCode verdict(Context ctx, List<Row> rows, Reply reply) throws HaAdminException {
    ExitCode code = ExitCode.OK;
    for (NameserviceConfig ns : ctx.targets().selected()) {
      long actives = rows.stream().filter(r -> r.nn().nameserviceId().equals(ns.id()))
          .filter(r -> "active".equals(r.state())).count();
      if (actives == 0) {
        reply.err(ns.id() + ": no NameNode is active");
        code = code == ExitCode.OK ? ExitCode.NO_ACTIVE : code;
      } else if (actives > 1) {
        reply.err(ns.id() + ": " + actives + " NameNodes report active (split brain): fence all but one now");
        code = ExitCode.FAILED;
      }
    }
    reply.put("verdict", code.name());
    return code;
  }
}
