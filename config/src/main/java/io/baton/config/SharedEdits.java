package io.baton.config;

/**
 * {@code dfs.namenode.shared.edits.dir} of a nameservice: where its NameNodes share their edit log. Hadoop's two
 * HA storages: a quorum of journal nodes ({@link SharedEditsConfig}, {@code qjournal://}) or a directory on shared
 * storage such as NFS ({@link SharedEditsDirectory}, {@code file://}). They differ in what keeps a second writer
 * out: the journal nodes' epochs refuse a fenced writer, a shared directory does not.
 */
public sealed interface SharedEdits permits SharedEditsConfig, SharedEditsDirectory {
  /** The value as Hadoop writes it. */
  String uri();

  /** True when the storage itself keeps an old active from writing (QJM epochs), false for a shared directory. */
  boolean refusesSecondWriter();
}
