package io.baton.chaos.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.chaos.event.ChaosEvent;
import io.baton.chaos.schedule.Expectation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one chaos run found, written as report.json and rendered as summary.txt and timeline.svg.
 *
 * @param livenessMs from the last heal to the first acknowledged write (empty: none within the bound)
 * @param doubleActiveSamples moments when two NameNodes answered /isActive with 200 (not a violation by itself:
 *     a fenced zombie may still claim it; the checker decides on acknowledged writes)
 * @param checkerExitCode baton check's exit code (0 clean, 1 violated, other: could not check)
 * @param passed the run met its expectation
 * @param verdict one line for humans
 */
public record RunReport(
    String runId,
    String scenario,
    String description,
    long seed,
    String mode,
    Expectation expectation,
    String setup,
    String runDir,
    List<StepResult> steps,
    List<ChaosEvent> events,
    Map<String, JsonNode> timelines,
    List<ControllerFailover> controllerFailovers,
    long livenessBoundMs,
    String livenessDerivation,
    Optional<Long> livenessMs,
    long acknowledgedWrites,
    List<String> doubleActiveSamples,
    int checkerExitCode,
    List<String> violationKinds,
    JsonNode checkerOutput,
    List<String> problems,
    boolean passed,
    String verdict) {

  public RunReport {
    steps = List.copyOf(steps);
    events = List.copyOf(events);
    timelines = Map.copyOf(timelines);
    controllerFailovers = List.copyOf(controllerFailovers);
    doubleActiveSamples = List.copyOf(doubleActiveSamples);
    violationKinds = List.copyOf(violationKinds);
    problems = List.copyOf(problems);
  }

  /** Client-observed recovery times of the steps that had one. */
  public List<Long> recoveryTimes() {
    return steps.stream().map(StepResult::recoveryMs).flatMap(Optional::stream).toList();
  }
}
