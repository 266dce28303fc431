package io.baton.chaos.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * p50, p90, p99 and max of a sample, nearest-rank: the value at rank ceil(p * n). With 20 trials p99 is the
 * maximum; the report says how many trials each row has.
 */
public record Percentiles(int count, long p50, long p90, long p99, long max) {

  public static Optional<Percentiles> of(List<Long> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return Optional.of(new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
        sorted.get(sorted.size() - 1)));
  }

  static long rank(List<Long> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }
}
