package io.baton.worlds.hadoop;

import io.baton.worlds.TimingProfile;
import java.nio.file.Path;
import java.util.List;

/**
 * What a hadoop world runs: one NameNode per entry of {@code controllers} (nn1, nn2, ...) with that controller
 * beside it, the last {@code observers} of them started as observers ({@code -observer}), a one-server ZooKeeper,
 * and shared edits on {@code journalNodes} real JournalNodes (3 by default, 1 where start-up time matters) or,
 * with {@link SharedEdits#FILE}, in a {@code file://} folder (NFS shared edits) and no JournalNode.
 *
 * @param fencingMethods dfs.ha.fencing.methods: {@code journal} (Baton's quorum-journal fence) where only Baton reads
 *     the folders, {@code shell(/bin/true)} where Hadoop's ZKFC does (it knows no {@code journal}) or with file://
 */
public record HadoopWorldSpec(Path workDir, List<ControllerKind> controllers, int journalNodes,
    TimingProfile timing, String fencingMethods, int observers, SharedEdits sharedEdits) {
  public static final String NAMESERVICE = "ns1";
  public static final String TRUE_FENCE = "shell(/bin/true)";
  public static final String JOURNAL_FENCE = "journal";

  /** Where the NameNodes share their edits. */
  public enum SharedEdits { QUORUM_JOURNAL, FILE }

  public HadoopWorldSpec {
    controllers = List.copyOf(controllers);
    if (controllers.size() - observers < 2 || observers < 0) {
      throw new IllegalArgumentException("an HA pair needs at least 2 NameNodes besides the observers, got "
          + controllers.size() + " NameNodes with " + observers + " observers");
    }
    if (sharedEdits == SharedEdits.QUORUM_JOURNAL && journalNodes != 1 && journalNodes != 3 && journalNodes != 5) {
      throw new IllegalArgumentException("journalNodes must be 1, 3 or 5 (a majority must be possible), got "
          + journalNodes);
    }
    if (sharedEdits == SharedEdits.FILE && journalNodes != 0) {
      throw new IllegalArgumentException("file:// shared edits run no JournalNode, got journalNodes=" + journalNodes);
    }
  }

  /**
   * Two NameNodes, both with the given controller, 3 JournalNodes, the timing for real NameNodes; fencing is
   * {@code journal} unless Hadoop's ZKFC runs (it would refuse the folder), then {@code shell(/bin/true)}.
   */
  public static HadoopWorldSpec pair(Path workDir, ControllerKind kind) {
    String fencing = kind == ControllerKind.HADOOP_ZKFC ? TRUE_FENCE : JOURNAL_FENCE;
    return new HadoopWorldSpec(workDir, List.of(kind, kind), 3, TimingProfile.FAST_REAL_NAMENODES, fencing, 0,
        SharedEdits.QUORUM_JOURNAL);
  }

  public HadoopWorldSpec withFencing(String methods) {
    return new HadoopWorldSpec(workDir, controllers, journalNodes, timing, methods, observers, sharedEdits);
  }

  public HadoopWorldSpec withJournalNodes(int count) {
    return new HadoopWorldSpec(workDir, controllers, count, timing, fencingMethods, observers, sharedEdits);
  }

  /** One more NameNode, started as an observer, with the given controller beside it. */
  public HadoopWorldSpec withObserver(ControllerKind kind) {
    List<ControllerKind> more = new java.util.ArrayList<>(controllers);
    more.add(kind);
    return new HadoopWorldSpec(workDir, more, journalNodes, timing, fencingMethods, observers + 1, sharedEdits);
  }

  /**
   * file:// shared edits (a folder every NameNode of this host reaches), no JournalNode, fencing
   * {@code shell(/bin/true)} ({@code journal} needs a quorum journal; the tests kill the old active themselves).
   */
  public HadoopWorldSpec withFileSharedEdits() {
    return new HadoopWorldSpec(workDir, controllers, 0, timing, TRUE_FENCE, observers, SharedEdits.FILE);
  }

  public List<String> namenodeIds() {
    return java.util.stream.IntStream.rangeClosed(1, controllers.size()).mapToObj(i -> "nn" + i).toList();
  }

  public boolean isObserver(String nnId) {
    return namenodeIds().indexOf(nnId) >= controllers.size() - observers;
  }

  public ControllerKind controller(String nnId) {
    return controllers.get(namenodeIds().indexOf(nnId));
  }
}
