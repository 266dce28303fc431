package io.baton.controller.haadmin;

import java.util.Arrays;

/**
 * {@code bin/haadmin --conf DIR [-ns nsId] -command args}: Hadoop's {@code hdfs haadmin} with timeouts,
 * distinct exit codes and {@code --json}. See docs/haadmin.md.
 */
public final class HaAdminMain {
  /** SLF4J's no-op provider: everything haadmin has to say, it prints itself. */
  static final String NO_LOGGING = "org.slf4j.helpers.NOP_FallbackServiceProvider";

  private HaAdminMain() {}

  public static void main(String[] args) {
    // Start-up time: initialising logback costs ~400 classes, and libraries' log lines would only repeat
    // (in another format) what the command reports. --debug keeps the normal logging.
    if (!Arrays.asList(args).contains("--debug") && System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", NO_LOGGING);
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    System.exit(HaAdmin.create(System.out, System.err, System.in, System.getenv()).run(args));
  }
}
