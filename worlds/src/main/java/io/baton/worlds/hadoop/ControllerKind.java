package io.baton.worlds.hadoop;

/** Which failover controller runs beside a NameNode of the hadoop world. */
public enum ControllerKind {
  /** Baton's controller ({@code baton zkfc}). */
  BATON,
  /** Hadoop's own {@code DFSZKFailoverController} ({@code hdfs zkfc}). */
  HADOOP_ZKFC,
  /** No controller: the NameNode stays standby unless something else promotes it. */
  NONE
}
