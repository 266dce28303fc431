package io.baton.chaos.verdict;

import io.baton.mock.check.CheckMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs mock-namenode's checker, the command an operator runs ({@code baton check --history F... --journal DIR
 * --json}), in this JVM (its {@code CheckMain.run} entry point: the same code without a JVM start), and keeps its
 * output as {@code check.json} / {@code check.err} in the run's folder.
 */
public final class Checker {
  private Checker() {}

  public static CheckerVerdict check(List<Path> histories, Path journalDir, Path workDir) {
    List<String> args = new ArrayList<>();
    for (Path h : histories) {
      args.add("--history");
      args.add(h.toString());
    }
    args.addAll(List.of("--journal", journalDir.toString(), "--json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      code = CheckMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      code = -1;
      err.writeBytes(("baton check failed: " + e).getBytes(StandardCharsets.UTF_8));
    }
    String json = out.toString(StandardCharsets.UTF_8);
    String errors = err.toString(StandardCharsets.UTF_8);
    try {
      Files.writeString(workDir.resolve("check.json"), json);
      Files.writeString(workDir.resolve("check.err"), errors);
    } catch (IOException e) {
      errors += "\n(cannot keep the checker's output in " + workDir + ": " + e.getMessage() + ")";
    }
    return CheckerVerdict.of(code, json, errors);
  }
}
