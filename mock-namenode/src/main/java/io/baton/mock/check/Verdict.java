package io.baton.mock.check;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The checker's answer: clean, or the violations with evidence, plus what was read.
 *
 * @param epochs per journal epoch, the NameNodes that wrote in it
 */
public record Verdict(List<Violation> violations, int operations, int acknowledged, int failed, int unknown,
    int journalRecords, Map<Long, List<String>> epochs) {

  /** Evidence lines shown per violation in the readable summary (the JSON holds all). */
  static final int SHOWN_EVIDENCE = 6;
  /** Violations shown per kind in the readable summary. */
  static final int SHOWN_PER_KIND = 5;

  public Verdict {
    violations = List.copyOf(violations);
    epochs = new TreeMap<>(epochs);
  }

  public boolean clean() {
    return violations.isEmpty();
  }

  public Map<Violation.Kind, Long> countsByKind() {
    return violations.stream().collect(Collectors.groupingBy(Violation::kind, TreeMap::new, Collectors.counting()));
  }

  /** A readable report: a verdict line, what was checked, then each violation kind with examples and evidence. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(clean() ? "CLEAN" : "VIOLATED").append(": ").append(operations).append(" operations (")
        .append(acknowledged).append(" acknowledged, ").append(failed).append(" failed, ").append(unknown)
        .append(" unknown), ").append(journalRecords).append(" journal records, epochs ").append(epochs).append('\n');
    for (Map.Entry<Violation.Kind, Long> e : countsByKind().entrySet()) {
      sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      violations.stream().filter(v -> v.kind() == e.getKey()).limit(SHOWN_PER_KIND).forEach(v -> {
        sb.append("  - ").append(v.summary()).append('\n');
        v.evidence().stream().limit(SHOWN_EVIDENCE).forEach(line -> sb.append("      ").append(line).append('\n'));
      });
      if (e.getValue() > SHOWN_PER_KIND) {
        sb.append("  ... ").append(e.getValue() - SHOWN_PER_KIND).append(" more (use --json for all)\n");
      }
    }
    return sb.toString();
  }
}
