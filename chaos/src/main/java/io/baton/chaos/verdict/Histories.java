package io.baton.chaos.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Client histories read back for timing questions: when was the first write acknowledged after a moment, and by
 * whom. (Safety is the checker's job; this only measures.) A line that does not parse is skipped and counted.
 */
public final class Histories {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Operation> operations;
  private final int unreadable;

  private Histories(List<Operation> operations, int unreadable) {
    this.operations = operations.stream().sorted(Comparator.comparing(Operation::completeTime)).toList();
    this.unreadable = unreadable;
  }

  public static Histories read(List<Path> files) {
    List<Operation> ops = new ArrayList<>();
    int bad = 0;
    for (Path f : files) {
      if (!Files.exists(f)) {
        continue;
      }
      try {
        for (String line : Files.readAllLines(f)) {
          if (line.isBlank()) {
            continue;
          }
          Optional<Operation> op = parse(line);
          if (op.isPresent()) {
            ops.add(op.get());
          } else {
            bad++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read history " + f, e);
      }
    }
    return new Histories(ops, bad);
  }

  static Optional<Operation> parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      Optional<Instant> invoke = time(n.get("invokeTime"));
      Optional<Instant> complete = time(n.get("completeTime"));
      if (invoke.isEmpty() || complete.isEmpty()) {
        return Optional.empty();
      }
      JsonNode epoch = n.get("epoch");
      return Optional.of(new Operation(text(n, "op"), invoke.get(), complete.get(), text(n, "nameNode"),
          epoch == null || epoch.isNull() ? Optional.empty() : Optional.of(epoch.asLong()), text(n, "outcome")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** ISO-8601 text or epoch milliseconds/seconds-with-fraction numbers. */
  static Optional<Instant> time(JsonNode v) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isTextual()) {
      return Optional.of(Instant.parse(v.asText()));
    }
    if (v.isIntegralNumber()) {
      return Optional.of(Instant.ofEpochMilli(v.asLong()));
    }
    if (v.isNumber()) {
      double seconds = v.asDouble();
      return Optional.of(Instant.ofEpochSecond((long) seconds, Math.round((seconds % 1) * 1e9)));
    }
    return Optional.empty();
  }

  public List<Operation> operations() {
    return operations;
  }

  public int unreadableLines() {
    return unreadable;
  }

  public long acknowledged() {
    return operations.stream().filter(Operation::ok).count();
  }

  /** The first acknowledged write that completed at or after {@code t}, by a NameNode the filter accepts. */
  public Optional<Operation> firstAckAfter(Instant t, Predicate<String> nameNode) {
    return operations.stream().filter(Operation::ok).filter(o -> !o.completeTime().isBefore(t))
        .filter(o -> nameNode.test(o.nameNode())).findFirst();
  }

  /** Time from {@code t} to the first acknowledged write after it (by a NameNode the filter accepts). */
  public Optional<Duration> timeToAck(Instant t, Predicate<String> nameNode) {
    return firstAckAfter(t, nameNode).map(o -> Duration.between(t, o.completeTime()));
  }
}
