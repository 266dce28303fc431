package io.baton.controller.haadmin;

/**
 * Exit statuses of {@code haadmin}: one per kind of failure, so scripts can tell "the NameNode is down" from
 * "you mistyped" (Hadoop's haadmin exits 255 for everything). Documented in docs/haadmin.md.
 */
public enum ExitCode {
  OK(0, "success"),
  FAILED(1, "the operation failed for another reason (the message says why)"),
  USAGE(2, "bad command line: unknown command, missing or extra arguments"),
  CONFIG(3, "the configuration folder is missing or invalid"),
  UNKNOWN_ID(4, "unknown nameservice or NameNode id"),
  UNREACHABLE(5, "a NameNode or controller could not be reached (connection refused, unknown host)"),
  TIMEOUT(6, "a NameNode or controller did not answer within the timeout"),
  REFUSED(7, "the NameNode or controller refused the request"),
  UNHEALTHY(8, "the health check failed"),
  FENCING_FAILED(9, "fencing failed, or the fencing pre-flight found a method that would not work"),
  FAILOVER_FAILED(10, "the failover did not happen; the previous active is active again (or nothing changed)"),
  NO_ACTIVE(11, "the failover failed and could not be undone: no NameNode may be active now"),
  AUTO_FAILOVER_ENABLED(12, "manual state change refused because automatic failover is on (see --forcemanual)"),
  ABORTED(13, "the operator did not confirm --forcemanual");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
