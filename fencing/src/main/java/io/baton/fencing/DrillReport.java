package io.baton.fencing;

import java.util.List;
import java.util.stream.Collectors;

/** The pre-flight checks of every method of a chain, in chain order. */
public record DrillReport(List<DrillResult> results) {
  public DrillReport {
    results = List.copyOf(results);
  }

  /** True when every method passed (and there is at least one). */
  public boolean allPassed() {
    return !results.isEmpty() && results.stream().allMatch(DrillResult::passed);
  }

  /** True when at least one method passed: the chain could fence, if that method's target is in reach. */
  public boolean anyPassed() {
    return results.stream().anyMatch(DrillResult::passed);
  }

  /** One line per method: {@code sshfence: ok (...)} or {@code journal: FAILED (...)}. */
  public String summary() {
    return results.stream()
        .map(r -> r.method() + ": " + (r.passed() ? "ok" : "FAILED") + " in " + r.took().toMillis() + " ms ("
            + r.detail() + ")")
        .collect(Collectors.joining("\n"));
  }
}
