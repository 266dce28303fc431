package io.baton.mock.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failover-aware namespace client, like HDFS's ConfiguredFailoverProxyProvider: it keeps using the NameNode
 * that last answered, and when that one says "standby" (or cannot be reached, or does not answer) it moves on
 * to the next configured NameNode; after a full round without success it backs off. Attempts are bounded.
 * One operation at a time per instance (the sequential client of a linearizability history).
 */
public final class FailoverClient {
  private static final Logger log = LoggerFactory.getLogger(FailoverClient.class);

  private final String clientId;
  private final List<NameNodeEndpoint> nameNodes;
  private final Options options;
  private final Clock clock;
  private final NamespaceHttpClient http;
  private int current;

  /**
   * @param maxAttempts NameNode calls per operation at most
   * @param backoff pause after every full round of NameNodes without success (bounded retries, not a busy loop)
   */
  public record Options(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration backoff) {
    public static Options defaults() {
      return new Options(Duration.ofMillis(500), Duration.ofSeconds(2), 12, Duration.ofMillis(100));
    }
  }

  public FailoverClient(String clientId, List<NameNodeEndpoint> nameNodes, Options options, Clock clock) {
    if (nameNodes.isEmpty()) {
      throw new IllegalArgumentException("a failover client needs at least one NameNode");
    }
    this.clientId = Objects.requireNonNull(clientId);
    this.nameNodes = List.copyOf(nameNodes);
    this.options = options;
    this.clock = clock;
    this.http = new NamespaceHttpClient(options.connectTimeout(), options.requestTimeout());
  }

  /** Writes {@code value} to {@code path}, failing over as needed; never throws, the record says what happened. */
  public synchronized HistoryRecord write(String opId, String path, String value) {
    Instant invoked = clock.instant();
    Attempt last = null;
    boolean maybeApplied = false;
    int attempts = 0;
    while (attempts < options.maxAttempts()) {
      NameNodeEndpoint nn = nameNodes.get(current);
      last = http.write(nn, path, value);
      attempts++;
      switch (last.kind()) {
        case OK -> {
          return record(opId, path, value, invoked, last, HistoryRecord.OK, attempts);
        }
        case REJECTED -> {
          return record(opId, path, value, invoked, last, maybeApplied ? HistoryRecord.UNKNOWN : HistoryRecord.FAILED,
              attempts);
        }
        case UNKNOWN -> maybeApplied = true;
        default -> { }
      }
      log.debug("{}: {} on {}: {}; trying the next NameNode", clientId, opId, nn.id(), last.detail());
      current = (current + 1) % nameNodes.size();
      if (attempts % nameNodes.size() == 0 && !pause(options.backoff())) {
        break;
      }
    }
    return record(opId, path, value, invoked, last, maybeApplied ? HistoryRecord.UNKNOWN : HistoryRecord.FAILED,
        attempts);
  }

  /** The NameNode the next operation goes to first. */
  public synchronized String currentNameNode() {
    return nameNodes.get(current).id();
  }

  private HistoryRecord record(String opId, String path, String value, Instant invoked, Attempt a, String outcome,
      int attempts) {
    return new HistoryRecord(opId, clientId, "write", path, value, invoked, clock.instant(), a == null ? null : a.nameNode(),
        a == null ? null : a.epoch(), a == null ? null : a.txid(), outcome,
        outcome.equals(HistoryRecord.OK) || a == null ? null : a.detail(), attempts);
  }

  private static boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
