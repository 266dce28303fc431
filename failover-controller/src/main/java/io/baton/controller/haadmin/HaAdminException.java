package io.baton.controller.haadmin;

import java.util.Optional;

/**
 * A command failed in a way the operator should read: carries the exit status, the message printed on
 * stderr, and whether a usage text follows it (of one command, or the whole tool).
 */
public final class HaAdminException extends Exception {
  private final ExitCode exitCode;
  private final boolean showUsage;
  private final String usageOf;

  public HaAdminException(ExitCode exitCode, String message) {
    this(exitCode, message, false, null, null);
  }

  public HaAdminException(ExitCode exitCode, String message, Throwable cause) {
    this(exitCode, message, false, null, cause);
  }

  private HaAdminException(ExitCode exitCode, String message, boolean showUsage, String usageOf, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.showUsage = showUsage;
    this.usageOf = usageOf;
  }

  /**
   * A usage error: the message, then the usage of {@code command} (e.g. {@code -failover}), or of the whole
   * tool when {@code command} is null.
   */
  public static HaAdminException usage(String command, String message) {
    return new HaAdminException(ExitCode.USAGE, message, true, command, null);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public boolean showUsage() {
    return showUsage;
  }

  /** The command whose usage follows the message; empty means the whole tool's (when {@link #showUsage()}). */
  public Optional<String> usageOf() {
    return Optional.ofNullable(usageOf);
  }
}
