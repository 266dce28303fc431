package io.baton.config;

import java.util.Optional;

/**
 * Command-line choices that affect loading.
 *
 * @param nameserviceId {@code --ns}: the local nameservice when several are configured
 * @param namenodeId {@code --id}: the local NameNode (overrides dfs.ha.namenode.id)
 */
public record LoadOptions(Optional<String> nameserviceId, Optional<String> namenodeId) {
  public static LoadOptions none() {
    return new LoadOptions(Optional.empty(), Optional.empty());
  }

  public static LoadOptions forNameNode(String nsId, String nnId) {
    return new LoadOptions(Optional.ofNullable(nsId), Optional.ofNullable(nnId));
  }
}
