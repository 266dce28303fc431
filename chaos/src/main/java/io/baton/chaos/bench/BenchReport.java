package io.baton.chaos.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured; written as markdown ({@link MarkdownReport}) and JSON. */
final class BenchReport {
  /** The checker's verdict on every write of one world (a controller under one profile). */
  record Safety(String profile, ControllerKind controller, boolean clean, String summary) {}

  /** The timing keys one profile resolved to, for the targets (tolerances depend on them). */
  record ProfileTimings(Duration hangTolerance, Duration sessionTimeout) {}

  final String command;
  final Instant started;
  Instant finished;
  final String machine;
  final double loadAtStart;
  double loadAtEnd;
  final List<TrialResult> trials = new ArrayList<>();
  final Map<String, List<SteadyState.Result>> steady = new LinkedHashMap<>();
  final Map<String, ProfileTimings> timings = new LinkedHashMap<>();
  final List<HaAdminTiming.Result> haadmin = new ArrayList<>();
  final List<Safety> safety = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  BenchReport(String command, Instant started, String machine, double loadAtStart) {
    this.command = command;
    this.started = started;
    this.machine = machine;
    this.loadAtStart = loadAtStart;
  }

  synchronized void add(TrialResult r) {
    trials.add(r);
  }

  /** Failover times of the successful timed trials of one row. */
  List<Long> millis(String profile, Scenario scenario, ControllerKind kind) {
    return row(profile, scenario, kind).stream().filter(t -> t.millis().isPresent()).map(t -> t.millis().get())
        .toList();
  }

  /** The timed trials of one row (the warm-up is not one of them). */
  List<TrialResult> row(String profile, Scenario scenario, ControllerKind kind) {
    return trials.stream().filter(t -> t.profile().equals(profile) && t.scenario() == scenario
        && t.controller() == kind && !t.warmup()).toList();
  }

  Optional<TrialResult> warmup(String profile, Scenario scenario, ControllerKind kind) {
    return trials.stream().filter(t -> t.profile().equals(profile) && t.scenario() == scenario
        && t.controller() == kind && t.warmup()).findFirst();
  }

  Optional<Percentiles> percentiles(String profile, Scenario scenario, ControllerKind kind) {
    return Percentiles.of(millis(profile, scenario, kind));
  }

  /** Percentiles of kill to the killed NameNode's sockets closing (crash and host loss). */
  Optional<Percentiles> exitPercentiles(String profile, Scenario scenario, ControllerKind kind) {
    return Percentiles.of(row(profile, scenario, kind).stream().flatMap(t -> t.exitMillis().stream()).toList());
  }

  /** Percentiles of fault to the new active's own transition (the controllers' part, without the client's). */
  Optional<Percentiles> activePercentiles(String profile, Scenario scenario, ControllerKind kind) {
    return Percentiles.of(row(profile, scenario, kind).stream().flatMap(t -> t.activeMillis().stream()).toList());
  }

  /** Median of each Baton phase over a row's trials, in the order the phases first appeared. */
  Map<String, Long> medianPhases(String profile, Scenario scenario, ControllerKind kind) {
    Map<String, List<Long>> byName = new LinkedHashMap<>();
    for (TrialResult t : row(profile, scenario, kind)) {
      t.phases().entrySet().stream().sorted(Map.Entry.comparingByKey(PhaseOrder.COMPARATOR))
          .forEach(e -> byName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    }
    Map<String, Long> medians = new LinkedHashMap<>();
    byName.forEach((name, values) -> medians.put(name, Percentiles.of(values).orElseThrow().p50()));
    return medians;
  }

  List<String> profiles() {
    return trials.stream().map(TrialResult::profile).distinct().toList();
  }

  List<Scenario> scenarios(String profile) {
    return trials.stream().filter(t -> t.profile().equals(profile)).map(TrialResult::scenario).distinct().toList();
  }

  List<ControllerKind> controllers() {
    return trials.stream().map(TrialResult::controller).distinct().sorted().toList();
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("bench-report.md"), MarkdownReport.render(this));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(dir.resolve("bench-report.json").toFile(), toJson(json));
  }

  private ObjectNode toJson(ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("command", command).put("started", started.toString())
        .put("finished", finished == null ? null : finished.toString())
        .put("machine", machine).put("loadAtStart", loadAtStart).put("loadAtEnd", loadAtEnd);
    ArrayNode rows = root.putArray("rows");
    for (String profile : profiles()) {
      for (Scenario s : scenarios(profile)) {
        for (ControllerKind k : controllers()) {
          List<TrialResult> row = row(profile, s, k);
          if (row.isEmpty()) {
            continue;
          }
          ObjectNode n = rows.addObject().put("profile", profile).put("scenario", s.cliName())
              .put("controller", k.cliName()).put("trials", row.size())
              .put("failedTrials", row.stream().filter(t -> !t.ok()).count())
              .put("failovers", row.stream().filter(TrialResult::failedOver).count());
          percentiles(profile, s, k).ifPresent(p -> n.put("p50", p.p50()).put("p90", p.p90()).put("p99", p.p99())
              .put("max", p.max()));
          activePercentiles(profile, s, k).ifPresent(p -> n.put("activeP50", p.p50()).put("activeP99", p.p99()));
          exitPercentiles(profile, s, k).ifPresent(p -> n.put("exitP50", p.p50()).put("exitMax", p.max()));
          warmup(profile, s, k).flatMap(TrialResult::millis).ifPresent(ms -> n.put("warmupMillis", ms));
          ObjectNode phases = n.putObject("medianPhases");
          medianPhases(profile, s, k).forEach(phases::put);
        }
      }
    }
    ArrayNode all = root.putArray("trials");
    for (TrialResult t : trials) {
      ObjectNode n = all.addObject().put("profile", t.profile()).put("scenario", t.scenario().cliName())
          .put("controller", t.controller().cliName()).put("trial", t.trial()).put("warmup", t.warmup())
          .put("oldActive", t.oldActive())
          .put("newActive", t.newActive().orElse(null)).put("failedOver", t.failedOver())
          .put("error", t.error().orElse(null));
      t.millis().ifPresentOrElse(ms -> n.put("millis", ms), () -> n.putNull("millis"));
      t.activeMillis().ifPresentOrElse(ms -> n.put("activeMillis", ms), () -> n.putNull("activeMillis"));
      t.exitMillis().ifPresent(ms -> n.put("exitMillis", ms));
      ObjectNode phases = n.putObject("phases");
      t.phases().forEach(phases::put);
    }
    ObjectNode steadyNode = root.putObject("steadyState");
    steady.forEach((profile, results) -> {
      ArrayNode a = steadyNode.putArray(profile);
      results.forEach(r -> a.addObject().put("controller", r.controller().cliName())
          .put("windowSeconds", r.window().toSeconds()).put("maxRssMb", r.maxRssKb() / 1024.0)
          .put("cpuMillisPerMinutePerController", r.cpuMillisPerMinute())
          .put("zookeeperRequestsPerMinute", r.zookeeperRequestsPerMinute()));
    });
    ArrayNode ha = root.putArray("haadminGetServiceState");
    haadmin.forEach(h -> {
      ObjectNode n = ha.addObject().put("tool", h.tool()).put("how", h.how()).put("error", h.error().orElse(null));
      h.millis().ifPresent(p -> n.put("runs", p.count()).put("p50", p.p50()).put("p90", p.p90()).put("max", p.max()));
      h.firstRun().ifPresent(ms -> n.put("firstRunMillis", ms));
    });
    HaAdminTiming.ratio(haadmin).ifPresent(q -> root.put("haadminRatioP50", q));
    ArrayNode safe = root.putArray("safety");
    safety.forEach(s -> safe.addObject().put("profile", s.profile()).put("controller", s.controller().cliName())
        .put("clean", s.clean()).put("summary", s.summary()));
    ArrayNode probs = root.putArray("problems");
    problems.forEach(probs::add);
    return root;
  }
}
