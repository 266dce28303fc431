package io.baton.mock.check;

import io.baton.mock.client.HistoryRecord;
import io.baton.mock.common.CommandLine;
import io.baton.mock.common.CommandLine.UsageException;
import io.baton.mock.common.ExitCodes;
import io.baton.mock.common.Json;
import io.baton.mock.journal.JournalRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/baton check --history F [--history F2]... (--journal DIR | --journal-url URL) [--json]}.
 * Exit 0 clean, 1 violated, 2 usage or unreadable input.
 */
public final class CheckMain {
  static final String USAGE = "usage: baton check --history FILE [--history FILE]... "
      + "(--journal DIR | --journal-url http://HOST:PORT/journal/ID) [--json]";

  private CheckMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command with the given streams; returns the exit code (for embedding and tests). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      CommandLine cl = CommandLine.parse(args, Set.of("--history", "--journal", "--journal-url"), Set.of("--json", "--help"));
      if (cl.has("--help")) {
        out.println(USAGE);
        return ExitCodes.OK;
      }
      if (cl.all("--history").isEmpty()) {
        throw new UsageException("give at least one --history FILE");
      }
      if (cl.has("--journal") == cl.has("--journal-url")) {
        throw new UsageException("give exactly one of --journal DIR and --journal-url URL");
      }
      List<HistoryRecord> history = new ArrayList<>();
      for (String f : cl.all("--history")) {
        history.addAll(HistoryFiles.read(Path.of(f)));
      }
      List<JournalRecord> journal = cl.has("--journal")
          ? JournalSource.fromDirectory(Path.of(cl.get("--journal").get()))
          : JournalSource.fromUrl(url(cl.get("--journal-url").get()), Duration.ofSeconds(10));
      Verdict verdict = HistoryChecker.check(history, journal);
      out.print(cl.has("--json") ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(verdict)) + "\n"
          : verdict.summary());
      return verdict.clean() ? ExitCodes.OK : ExitCodes.VIOLATION;
    } catch (UsageException e) {
      err.println("baton check: " + e.getMessage());
      err.println(USAGE);
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("baton check: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  /** The JSON form: the verdict's fields plus {@code clean} and the counts by kind. */
  record JsonVerdict(boolean clean, Object countsByKind, Verdict verdict) {}

  private static JsonVerdict json(Verdict v) {
    return new JsonVerdict(v.clean(), v.countsByKind(), v);
  }

  private static URI url(String text) throws UsageException {
    try {
      URI u = URI.create(text);
      if (!"http".equals(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException("not an http URL");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new UsageException("--journal-url '" + text + "' is not an http URL like http://127.0.0.1:18485/journal/ns1");
    }
  }
}
