package io.baton.chaos.verdict;

import io.baton.chaos.report.StepResult;
import io.baton.chaos.schedule.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision of a run: for a normal run, the checker found nothing, an active acknowledged a write within the
 * liveness bound after the last heal, and every step ran; for the negative control, the checker found split brain.
 *
 * @param problems every reason the run failed (empty when it passed)
 */
public record RunVerdict(boolean passed, String summary, List<String> problems) {

  public RunVerdict {
    problems = List.copyOf(problems);
  }

  public static RunVerdict decide(Expectation expectation, CheckerVerdict checker, Optional<Long> livenessMs,
      long boundMs, List<StepResult> steps) {
    List<String> problems = new ArrayList<>();
    for (StepResult s : steps) {
      s.error().ifPresent(e -> problems.add("step " + s.index() + " " + s.fault() + " failed: " + e));
    }
    if (checker.undecided()) {
      problems.add("the checker could not decide (exit " + checker.exitCode() + "): " + firstLine(checker.errors()));
    }
    if (expectation == Expectation.SPLIT_BRAIN_DETECTED) {
      if (!checker.splitBrain()) {
        problems.add("NEGATIVE CONTROL FAILED: fencing and the epoch check were off, yet the checker found no split "
            + "brain (exit " + checker.exitCode() + ", violations: " + checker.kindCounts() + ")");
      }
      return problems.isEmpty()
          ? new RunVerdict(true, "PASS (negative control): split brain detected with fencing off, as it must be: "
              + checker.kindCounts(), problems)
          : new RunVerdict(false, "FAIL: " + problems.get(0), problems);
    }
    if (checker.violated()) {
      problems.add("the checker found violations: " + checker.kindCounts());
    }
    if (livenessMs.isEmpty()) {
      problems.add("not live: no write was acknowledged within " + boundMs + " ms after the last heal");
    } else if (livenessMs.get() > boundMs) {
      problems.add("not live: the first write after the last heal was acknowledged after " + livenessMs.get()
          + " ms, above the bound of " + boundMs + " ms");
    }
    if (problems.isEmpty()) {
      return new RunVerdict(true, "PASS: no split brain, no lost acknowledged write, a write acknowledged "
          + livenessMs.get() + " ms after the last heal (bound " + boundMs + " ms)", problems);
    }
    return new RunVerdict(false, "FAIL: " + String.join("; ", problems), problems);
  }

  private static String firstLine(String s) {
    return s == null || s.isBlank() ? "(no output)" : s.lines().findFirst().orElse("");
  }
}
