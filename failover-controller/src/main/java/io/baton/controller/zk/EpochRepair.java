package io.baton.controller.zk;

import java.time.Clock;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An epoch znode that holds something other than an epoch record (a stray {@code zkCli set}) must neither block
 * promotions nor let epochs go backwards. Every claim writes the znode once, so its version counts the writes
 * since it was created: it is at least the last epoch written before the stray write. Claims go above that
 * (and above the highest epoch the controller has seen); {@code baton zkfc -repairEpoch} rewrites the znode
 * with it.
 */
public final class EpochRepair {
  private static final Logger log = LoggerFactory.getLogger(EpochRepair.class);
  /** The operator's one repair command, named in every message about an unreadable epoch znode. */
  public static final String COMMAND = "baton zkfc --conf DIR -repairEpoch";

  private EpochRepair() {}

  /** The last epoch the znode stands for: its record, or its version when it holds no record. */
  static long lastEpoch(byte[] data, Stat stat, ZkPaths paths, String who) {
    try {
      return EpochRecord.decode(data).epoch();
    } catch (IllegalArgumentException e) {
      log.warn("{}: {} holds {}, not an epoch record; claiming above its version {} (no epoch goes back); '{}'"
          + " rewrites it", who, paths.epoch(), ZnodeText.preview(data), stat.getVersion(), COMMAND);
      return stat.getVersion();
    }
  }

  /** Rewrites an unreadable epoch znode (compare-and-set on its version); returns what it did, in words. */
  public static String repair(CuratorFramework client, ZkPaths paths, Clock wallClock) throws Exception {
    Stat stat = new Stat();
    byte[] data;
    try {
      data = client.getData().storingStatIn(stat).forPath(paths.epoch());
    } catch (KeeperException.NoNodeException e) {
      return "nothing to repair: " + paths.epoch() + " does not exist yet (the first promotion creates it)";
    }
    try {
      EpochRecord.decode(data);
      return "nothing to repair: " + paths.epoch() + " holds " + ZnodeText.preview(data);
    } catch (IllegalArgumentException unreadable) {
      long epoch = Math.max(1, stat.getVersion());
      EpochRecord fixed = new EpochRecord(epoch, "repair", wallClock.instant());
      client.setData().withVersion(stat.getVersion()).forPath(paths.epoch(), fixed.encode());
      return "repaired " + paths.epoch() + ": it held " + ZnodeText.preview(data) + ", now "
          + ZnodeText.text(fixed.encode()) + " (the znode's version, at least the last epoch written; the next"
          + " promotion claims " + (epoch + 1) + ")";
    }
  }
}
