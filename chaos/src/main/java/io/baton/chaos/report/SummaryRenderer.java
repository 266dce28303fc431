package io.baton.chaos.report;

import io.baton.chaos.event.ChaosEvent;
import java.util.List;
import java.util.Optional;

/** The readable summary of a run: verdict first, then the faults with their times, failovers and evidence. */
public final class SummaryRenderer {
  private SummaryRenderer() {}

  public static String render(RunReport r) {
    StringBuilder s = new StringBuilder();
    s.append("Chaos run ").append(r.runId()).append(" (").append(r.mode()).append(" mode)\n");
    s.append("  scenario   ").append(r.scenario()).append(": ").append(r.description()).append('\n');
    if (r.seed() != 0) {
      s.append("  seed       ").append(r.seed()).append("  (replay: bin/baton chaos run --random --seed ")
          .append(r.seed()).append(")\n");
    }
    s.append("  setup      ").append(r.setup()).append('\n');
    s.append("  verdict    ").append(r.verdict()).append('\n');
    s.append("  checker    exit ").append(r.checkerExitCode()).append(r.violationKinds().isEmpty() ? ""
        : ", violations " + new io.baton.chaos.verdict.CheckerVerdict(r.checkerExitCode(), r.violationKinds(), "", "")
            .kindCounts()).append('\n');
    s.append("  liveness   ").append(r.livenessMs().map(ms -> ms + " ms").orElse("no write acknowledged"))
        .append(" after the last heal; bound ").append(r.livenessDerivation()).append('\n');
    s.append("  writes     ").append(r.acknowledgedWrites()).append(" acknowledged\n");
    s.append("\nFaults\n");
    for (StepResult st : r.steps()) {
      s.append(String.format("  %d. %-28s ", st.index(), st.fault()));
      if (st.skipped().isPresent()) {
        s.append("SKIPPED: ").append(st.skipped().get()).append('\n');
        continue;
      }
      s.append(String.format("inject +%d ms, heal +%d ms (%s)%n", st.injectMs(), st.healMs(), st.plan()));
      s.append("       injected: ").append(st.injected()).append('\n');
      s.append("       healed:   ").append(st.healed()).append('\n');
      s.append("       writes recovered: ").append(st.recoveryMs().map(ms -> ms + " ms after the fault"
          + st.victim().map(v -> " (acknowledged by a NameNode other than " + v + ")").orElse(""))
          .orElse("no acknowledged write after the fault")).append('\n');
      st.error().ifPresent(e -> s.append("       ERROR: ").append(e).append('\n'));
    }
    s.append("\nController failover timelines (GET /v1/timeline)\n");
    if (r.controllerFailovers().isEmpty()) {
      s.append("  (none reported)\n");
    }
    for (ControllerFailover f : r.controllerFailovers()) {
      s.append(String.format("  zkfc-%-5s %-10s %-10s %s%s%s: %s%n", f.controller(), f.kind(), f.outcome(),
          f.totalMs().map(ms -> ms + " ms").orElse("?"), f.epoch().map(e -> ", epoch " + e).orElse(""),
          f.start().map(t -> ", at " + t).orElse(""), f.reason()));
      if (!f.detail().isBlank()) {
        s.append("             ").append(f.detail()).append('\n');
      }
    }
    List<Long> failovers = r.controllerFailovers().stream().filter(ControllerFailover::succeededPromotion)
        .map(ControllerFailover::totalMs).flatMap(Optional::stream).toList();
    s.append("  promotions completed in (ms, controller-measured): ").append(failovers.isEmpty() ? "none"
        : failovers.toString()).append('\n');
    if (!r.doubleActiveSamples().isEmpty()) {
      s.append("\nTwo NameNodes claimed ACTIVE at (the checker decides whether writes were affected)\n");
      r.doubleActiveSamples().forEach(d -> s.append("  ").append(d).append('\n'));
    }
    if (!r.problems().isEmpty()) {
      s.append("\nProblems\n");
      r.problems().forEach(p -> s.append("  - ").append(p).append('\n'));
    }
    s.append("\nEvents\n");
    for (ChaosEvent e : r.events()) {
      s.append(String.format("  +%6d ms  %-8s %-24s %s%n", e.offsetMs(), e.kind(), e.subject(), e.detail()));
    }
    s.append("\nFiles: ").append(r.runDir()).append(" (report.json, timeline.svg, events.jsonl, logs/, history-*.jsonl)\n");
    return s.toString();
  }

  static String ms(Optional<Long> v) {
    return v.map(x -> x + " ms").orElse("-");
  }
}
