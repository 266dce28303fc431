package io.baton.config;

/**
 * {@code dfs.namenode.shared.edits.dir=file:///...}: an edits directory on storage both NameNodes mount (NFS).
 * Nothing in the storage stops a second writer, so only fencing keeps two actives apart.
 *
 * @param uri the {@code file://} URI as configured
 */
public record SharedEditsDirectory(String uri) implements SharedEdits {
  @Override
  public boolean refusesSecondWriter() {
    return false;
  }
}
