package io.baton.chaos.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's event log: every fault injection and heal with its time, kept in memory for the report and appended
 * as JSON lines to a file so that a crashed run still leaves its story behind. Thread-safe.
 */
public final class EventLog {
  private static final Logger log = LoggerFactory.getLogger(EventLog.class);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final String runId;
  private final Clock clock;
  private final Instant start;
  private final Optional<Path> file;
  private final List<ChaosEvent> events = new ArrayList<>();

  public EventLog(String runId, Clock clock, Optional<Path> file) {
    this.runId = runId;
    this.clock = clock;
    this.start = clock.instant();
    this.file = file;
  }

  public Instant start() {
    return start;
  }

  public Instant now() {
    return clock.instant();
  }

  public Duration elapsed() {
    return Duration.between(start, clock.instant());
  }

  public ChaosEvent record(String kind, String subject, String detail) {
    Instant now = clock.instant();
    ChaosEvent event = new ChaosEvent(now, Duration.between(start, now).toMillis(), kind, subject, detail);
    synchronized (this) {
      events.add(event);
    }
    log.info("{}: +{} ms {} {}: {}", runId, event.offsetMs(), kind, subject, detail);
    file.ifPresent(f -> append(f, event));
    return event;
  }

  public synchronized List<ChaosEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<ChaosEvent> events(String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  private static void append(Path f, ChaosEvent event) {
    try {
      Files.writeString(f, JSON.writeValueAsString(event) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the event log " + f, e);
    }
  }
}
