package io.baton.mock.common;

/** Exit codes shared by the mock-namenode commands (documented in docs/mock-namenode.md). */
public final class ExitCodes {
  public static final int OK = 0;
  /** check: a violation was found; client: some operations failed or are unknown. */
  public static final int VIOLATION = 1;
  public static final int USAGE = 2;
  public static final int CONFIG = 3;
  /** An address could not be bound or a server could not start. */
  public static final int START_FAILED = 4;
  /** The {@code crash} fault: the NameNode halts at once, like a kill -9. */
  public static final int INJECTED_CRASH = 99;

  private ExitCodes() {}
}
