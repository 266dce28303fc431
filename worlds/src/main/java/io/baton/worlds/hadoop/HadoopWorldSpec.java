package io.baton.worlds.hadoop;

import io.baton.controller.local.TimingProfile;
import java.nio.file.Path;
import java.util.List;

/**
 * What a hadoop world runs: one NameNode per entry of {@code controllers} (nn1, nn2, ...) with that controller
 * beside it, {@code journalNodes} real JournalNodes (3 by default, 1 where start-up time matters) and a
 * one-server ZooKeeper.
 *
 * @param fencingMethods dfs.ha.fencing.methods; {@code shell(/bin/true)} is Hadoop's advice with the quorum journal
 */
public record HadoopWorldSpec(Path workDir, List<ControllerKind> controllers, int journalNodes,
    TimingProfile timing, String fencingMethods) {
  public static final String NAMESERVICE = "ns1";
  public static final String TRUE_FENCE = "shell(/bin/true)";

  public HadoopWorldSpec {
    controllers = List.copyOf(controllers);
    if (controllers.size() < 2) {
      throw new IllegalArgumentException("an HA pair needs at least 2 NameNodes, got " + controllers.size());
    }
    if (journalNodes != 1 && journalNodes != 3 && journalNodes != 5) {
      throw new IllegalArgumentException("journalNodes must be 1, 3 or 5 (a majority must be possible), got "
          + journalNodes);
    }
  }

  /** Two NameNodes, both with the given controller, 3 JournalNodes, the timing for real NameNodes. */
  public static HadoopWorldSpec pair(Path workDir, ControllerKind kind) {
    return new HadoopWorldSpec(workDir, List.of(kind, kind), 3, TimingProfile.FAST_REAL_NAMENODES, TRUE_FENCE);
  }

  public HadoopWorldSpec withJournalNodes(int count) {
    return new HadoopWorldSpec(workDir, controllers, count, timing, fencingMethods);
  }

  public HadoopWorldSpec withControllers(List<ControllerKind> kinds) {
    return new HadoopWorldSpec(workDir, kinds, journalNodes, timing, fencingMethods);
  }

  public List<String> namenodeIds() {
    return java.util.stream.IntStream.rangeClosed(1, controllers.size()).mapToObj(i -> "nn" + i).toList();
  }

  public ControllerKind controller(String nnId) {
    return controllers.get(namenodeIds().indexOf(nnId));
  }
}
