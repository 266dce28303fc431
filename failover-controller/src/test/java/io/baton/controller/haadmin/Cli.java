package io.baton.controller.haadmin;

import io.baton.config.DeploymentConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real haadmin command in-process with captured stdout, stderr and exit code. */
final class Cli {
  /** One run's outcome. */
  record Result(int code, String out, String err) {}

  private final DeploymentConfig deployment;
  private final Fencer fencer;
  private String stdin = "";

  Cli(DeploymentConfig deployment, Fencer fencer) {
    this.deployment = deployment;
    this.fencer = fencer;
  }

  Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** With {@code --conf} pointing at the current folder, which the fixture "loads" as {@link #deployment}. */
  Result run(String... args) {
    String[] withConf = new String[args.length + 2];
    withConf[0] = "--conf";
    withConf[1] = Path.of("").toAbsolutePath().toString();
    System.arraycopy(args, 0, withConf, 2, args.length);
    return runRaw(Map.of(), withConf);
  }

  Result runRaw(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    HaAdmin admin = new HaAdmin(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, dir -> deployment, fencer);
    int code = admin.run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
