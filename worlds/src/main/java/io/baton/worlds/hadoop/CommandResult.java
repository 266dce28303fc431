package io.baton.worlds.hadoop;

/** A finished one-shot command of the world (FsShell, hdfs haadmin, a format step): exit code and its output. */
public record CommandResult(String command, int exitCode, String output) {
  public boolean ok() {
    return exitCode == 0;
  }

  /** This result, or an error naming the command, its exit code and its output. */
  public CommandResult orThrow() {
    if (!ok()) {
      throw new IllegalStateException(command + " exited " + exitCode + ":\n" + output);
    }
    return this;
  }
}
