package io.baton.config;

import java.util.List;

/**
 * {@code dfs.namenode.shared.edits.dir} of a nameservice, {@code qjournal://h1:8485;h2:8485/journalId}:
 * the journal nodes its NameNodes write to.
 */
public record SharedEditsConfig(List<HostPort> journalNodes, String journalId) implements SharedEdits {
  public SharedEditsConfig {
    journalNodes = List.copyOf(journalNodes);
  }

  @Override
  public boolean refusesSecondWriter() {
    return true;
  }

  @Override
  public String uri() {
    StringBuilder sb = new StringBuilder("qjournal://");
    for (int i = 0; i < journalNodes.size(); i++) {
      sb.append(i == 0 ? "" : ";").append(journalNodes.get(i));
    }
    return sb.append('/').append(journalId).toString();
  }
}
