package io.baton.controller.core;

import java.time.Instant;

/** Maintenance mode: automatic failover is off until {@code until} or a resume. */
public record Pause(String reason, Instant since, Instant until) {
  /** The longest reason kept: it goes into every log line, status and explain while paused. */
  public static final int MAX_REASON_CHARS = 1024;
  /** The longest pause: a forgotten one must end on its own. */
  public static final java.time.Duration MAX_EXPIRY = java.time.Duration.ofDays(7);

  /** Why a pause request is refused, if it is: a reason or expiry beyond the caps. */
  public static java.util.Optional<String> invalid(String reason, java.util.Optional<java.time.Duration> expiry) {
    if (reason.length() > MAX_REASON_CHARS) {
      return java.util.Optional.of("'reason' has " + reason.length() + " characters; at most " + MAX_REASON_CHARS
          + " are kept (say why in a sentence, link to the ticket)");
    }
    if (expiry.filter(e -> e.compareTo(MAX_EXPIRY) > 0).isPresent()) {
      return java.util.Optional.of("'expiry' is " + expiry.get() + "; a pause lasts at most 7d (pause again to"
          + " extend it)");
    }
    return java.util.Optional.empty();
  }
}
