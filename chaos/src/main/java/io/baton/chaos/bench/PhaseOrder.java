package io.baton.chaos.bench;

import java.util.Comparator;
import java.util.List;

/** Baton's timeline phases in the order they happen, so tables list them that way. */
final class PhaseOrder {
  private static final List<String> ORDER = List.of("wait", "detect", "elect", "read-breadcrumb", "graceful-fence",
      "fence", "claim-epoch", "promote");

  static final Comparator<String> COMPARATOR = Comparator.comparingInt((String name) -> {
    int i = ORDER.indexOf(name);
    return i < 0 ? ORDER.size() : i;
  }).thenComparing(Comparator.naturalOrder());

  private PhaseOrder() {}
}
