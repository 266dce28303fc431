package io.baton.fencing;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Kills a process and everything it started. */
final class ProcessTree {
  private static final int MAX_PASSES = 5;

  private ProcessTree() {}

  /**
   * Kills the descendants deepest first while the root still holds them (a killed parent's children would be
   * re-parented and escape {@link ProcessHandle#descendants()}), repeating for children forked meanwhile,
   * then the root.
   *
   * @return how many processes were signalled
   */
  static int kill(ProcessHandle root) {
    Set<Long> killed = new HashSet<>();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<ProcessHandle> tree = root.descendants().filter(p -> p.isAlive() && !killed.contains(p.pid()))
          .sorted(Comparator.comparingInt(ProcessTree::depth).reversed())
          .toList();
      if (tree.isEmpty()) {
        break;
      }
      for (ProcessHandle p : tree) {
        p.destroyForcibly();
        killed.add(p.pid());
      }
    }
    root.destroyForcibly();
    killed.add(root.pid());
    return killed.size();
  }

  private static int depth(ProcessHandle p) {
    int depth = 0;
    for (ProcessHandle h = p; depth < 1000; depth++) {
      var parent = h.parent();
      if (parent.isEmpty()) {
        break;
      }
      h = parent.get();
    }
    return depth;
  }
}
