package io.baton.worlds.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows that the demo is alive while it waits: a redrawn "waiting ... 1.2 s" line on a terminal, a line every
 * few seconds when the output goes to a file or a pipe.
 */
final class Progress {
  private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

  private final PrintStream out;
  private final boolean terminal;
  private Instant lastPlain = Instant.EPOCH;
  private boolean lineOpen;

  Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void waiting(String what, Instant since) {
    Duration waited = Duration.between(since, Instant.now());
    String text = String.format("  waiting for %s ... %.1f s", what, waited.toMillis() / 1000.0);
    if (terminal) {
      out.print("\r" + text);
      out.flush();
      lineOpen = true;
    } else if (Duration.between(lastPlain, Instant.now()).compareTo(PLAIN_EVERY) >= 0) {
      out.println(text);
      lastPlain = Instant.now();
    }
  }

  void done(String text) {
    if (lineOpen) {
      out.print("\r\033[K");
      lineOpen = false;
    }
    out.println("  " + text);
    lastPlain = Instant.EPOCH;
  }
}
