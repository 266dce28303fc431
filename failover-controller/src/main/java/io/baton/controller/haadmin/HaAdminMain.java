package io.baton.controller.haadmin;

/**
 * {@code bin/haadmin --conf DIR [-ns nsId] -command args}: Hadoop's {@code hdfs haadmin} with timeouts,
 * distinct exit codes and {@code --json}. See docs/haadmin.md.
 */
public final class HaAdminMain {
  private HaAdminMain() {}

  public static void main(String[] args) {
    HaAdmin admin = new HaAdmin(System.out, System.err, System.in, System.getenv(), Wiring.configSource(),
        Wiring.fencer());
    System.exit(admin.run(args));
  }
}
