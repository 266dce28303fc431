package io.baton.mock.client;

/** Test access to {@link ClientMain#run}. */
public final class ClientMainAccess {
  private ClientMainAccess() {}

  public static int run(String[] args) {
    return ClientMain.run(args);
  }
}
