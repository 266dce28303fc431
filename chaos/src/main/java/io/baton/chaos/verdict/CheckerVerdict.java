package io.baton.chaos.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code baton check} (mock-namenode's history checker) decided: its exit code (0 clean, 1 violated, other
 * = it could not check), the kinds of violation it found, and its JSON output as evidence.
 */
public record CheckerVerdict(int exitCode, List<String> violationKinds, String json, String errors) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public CheckerVerdict {
    violationKinds = List.copyOf(violationKinds);
  }

  public boolean clean() {
    return exitCode == 0;
  }

  public boolean violated() {
    return exitCode == 1;
  }

  /** The checker could not decide (usage error, crash, timeout): never a pass. */
  public boolean undecided() {
    return exitCode != 0 && exitCode != 1;
  }

  public boolean splitBrain() {
    return violated() && (violationKinds.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains("split"))
        || violationKinds.isEmpty() && json.toLowerCase(Locale.ROOT).contains("split"));
  }

  /** e.g. {@code SPLIT_BRAIN_STALE_EPOCH x10, DUPLICATE_TXID x3}, in order of first appearance. */
  public String kindCounts() {
    java.util.Map<String, Long> counts = violationKinds.stream().collect(java.util.stream.Collectors.groupingBy(
        k -> k, java.util.LinkedHashMap::new, java.util.stream.Collectors.counting()));
    return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public boolean lostWrite() {
    return violated() && violationKinds.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains("lost"));
  }

  /** Reads the kinds from {@code {"violations":[{"kind":...}, ...]}} (or "type"); tolerant of other shapes. */
  public static CheckerVerdict of(int exitCode, String stdout, String stderr) {
    List<String> kinds = new ArrayList<>();
    try {
      JsonNode root = JSON.readTree(stdout.isBlank() ? "{}" : stdout);
      // baton check --json: {"clean":..,"verdict":{"violations":[{"kind":..,"summary":..}, ..]}}
      JsonNode violations = root.path("verdict").path("violations").isArray()
          ? root.path("verdict").path("violations") : root.path("violations");
      for (JsonNode v : violations) {
        String kind = v.isTextual() ? v.asText() : firstText(v, "kind", "type", "rule", "name");
        kinds.add(kind);
      }
    } catch (Exception e) {
      // not JSON: the exit code still decides, the text is kept as evidence
    }
    return new CheckerVerdict(exitCode, kinds, stdout, stderr);
  }

  private static String firstText(JsonNode v, String... fields) {
    for (String f : fields) {
      if (v.hasNonNull(f)) {
        return v.get(f).asText();
      }
    }
    return v.toString();
  }
}
