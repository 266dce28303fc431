package io.baton.config;

import java.util.List;
import java.util.Optional;

/**
 * One HA nameservice.
 *
 * @param automaticFailover {@code dfs.ha.automatic-failover.enabled[.<nsId>]}
 * @param preferredActive Baton: the NameNode to fail back to once it is stable
 * @param sharedEdits {@code dfs.namenode.shared.edits.dir[.<nsId>]}: a quorum journal or a shared directory
 */
public record NameserviceConfig(
    String id,
    List<NameNodeConfig> namenodes,
    boolean automaticFailover,
    ZooKeeperConfig zookeeper,
    Optional<String> preferredActive,
    Optional<SharedEdits> sharedEdits) {

  public NameserviceConfig {
    namenodes = List.copyOf(namenodes);
  }

  public Optional<NameNodeConfig> namenode(String nnId) {
    return namenodes.stream().filter(nn -> nn.id().equals(nnId)).findFirst();
  }

  /** The quorum journal when the shared edits are {@code qjournal://}; empty for none or a shared directory. */
  public Optional<SharedEditsConfig> quorumJournal() {
    return sharedEdits.filter(SharedEditsConfig.class::isInstance).map(SharedEditsConfig.class::cast);
  }

  public List<String> namenodeIds() {
    return namenodes.stream().map(NameNodeConfig::id).toList();
  }
}
