package io.baton.mock.journal;

/** Test access to {@link JournalNodeMain#start}. */
public final class JournalNodeAccess {
  private JournalNodeAccess() {}

  public static JournalNode start(String[] args) throws Exception {
    return JournalNodeMain.start(args);
  }
}
