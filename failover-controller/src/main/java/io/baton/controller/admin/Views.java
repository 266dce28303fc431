package io.baton.controller.admin;

import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.core.Phase;
import java.util.List;

/** The JSON shapes of the admin API (stable field names, times as ISO-8601 strings, durations in ms). */
public final class Views {
  private Views() {}

  public record StatusView(
      String nodeId,
      String nameservice,
      String state,
      String health,
      String healthDetail,
      String namenodeState,
      String zookeeper,
      boolean inElection,
      String electionNote,
      String currentActive,
      long epoch,
      PauseView maintenance,
      String cededUntil,
      List<FailoverView> recentFailovers) {}

  public record PauseView(String reason, String since, String until) {}

  public record FailoverView(
      long id,
      String kind,
      String nodeId,
      String start,
      String reason,
      String previousActive,
      Long epoch,
      String outcome,
      String detail,
      long totalMillis,
      List<PhaseView> phases) {}

  public record PhaseView(String name, String start, long millis, String detail) {}

  public record ExplainView(String nodeId, String state, List<String> lines) {}

  public record ReplyView(boolean ok, String message) {}

  public record ErrorView(String error, String message) {}

  public static StatusView status(String nameservice, ControllerStatus s, int lastFailovers) {
    List<FailoverRecord> all = s.recentFailovers();
    return new StatusView(s.nodeId(), nameservice, s.state().name(), s.health().name(), s.healthDetail(),
        s.reportedState().map(Enum::name).orElse(null), s.zookeeper().name(), s.inElection(), s.electionNote(),
        s.currentActive().orElse(null), s.epoch(),
        s.maintenance().map(p -> new PauseView(p.reason(), p.since().toString(), p.until().toString())).orElse(null),
        s.cededUntil().map(Object::toString).orElse(null),
        all.subList(Math.max(0, all.size() - lastFailovers), all.size()).stream().map(Views::failover).toList());
  }

  public static FailoverView failover(FailoverRecord r) {
    return new FailoverView(r.id(), r.kind().name(), r.nodeId(), r.start().toString(), r.reason(),
        r.previousActive().orElse(null), r.epoch().orElse(null), r.outcome().name(), r.detail(),
        r.total().toMillis(), r.phases().stream().map(Views::phase).toList());
  }

  private static PhaseView phase(Phase p) {
    return new PhaseView(p.name(), p.start().toString(), p.duration().toMillis(), p.detail());
  }
}
