package io.baton.mock.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.mock.client.NameNodeAdminClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the {@code /status} of every mock NameNode of a nameservice and records each moment two of them are
 * active at once: {@link #reportedOverlaps()} when two say ACTIVE over HAServiceProtocol (what a controller
 * must never allow), {@link #actingOverlaps()} when two act as active (a zombie does until it is fenced).
 * A NameNode that does not answer is skipped for that round. For chaos and controller tests:
 * start it, run the scenario, then {@link #assertNoReportedSplitBrain()}.
 *
 * <p>Two NameNodes that say ACTIVE with different epochs are a superseded active and its successor: the newer
 * one's epoch was promised by the journal first, so the older one can no longer write. That is the window
 * storage fencing covers: an active that was frozen (SIGSTOP) while it was replaced says ACTIVE when it
 * resumes, until its next write is refused or its controller demotes it; no controller can tell a frozen
 * process anything. Such an overlap counts only once it has lasted {@link #SUPERSEDED_GRACE}; an overlap at
 * one epoch counts at once.
 */
public final class SplitBrainDetector implements AutoCloseable {
  private final Map<String, NameNodeAdminClient> nameNodes;
  private final Clock clock;
  private final ScheduledExecutorService poller;
  private final List<String> reported = new ArrayList<>();
  private final List<String> acting = new ArrayList<>();
  private long rounds;
  /** When the current overlap of a superseded active and its successor was first seen (null: none now). */
  private java.time.Instant supersededSince;

  /** How long a superseded active may still say ACTIVE beside its successor (a resumed process, see above). */
  public static final Duration SUPERSEDED_GRACE = Duration.ofSeconds(2);

  /** @param nameNodes by NameNode id */
  public SplitBrainDetector(Map<String, NameNodeAdminClient> nameNodes, Duration interval, Clock clock) {
    this.nameNodes = Map.copyOf(nameNodes);
    this.clock = clock;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "split-brain-detector");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::pollOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One round (also called by the poller). The reads of one round are not simultaneous, so a clean handover
   * could look like an overlap (old active read before its demotion, new one after its promotion): an overlap
   * counts only when a second read of the same nodes, in reverse order, still shows it.
   */
  public void pollOnce() {
    List<String> order = new ArrayList<>(nameNodes.keySet());
    Map<String, JsonNode> first = observe(order);
    List<String> reportedActive = active(first, "reportedState");
    List<String> actingActive = active(first, "state");
    if (reportedActive.size() > 1 || actingActive.size() > 1) {
      List<String> suspects = new ArrayList<>(actingActive);
      reportedActive.stream().filter(id -> !suspects.contains(id)).forEach(suspects::add);
      java.util.Collections.reverse(suspects);
      Map<String, JsonNode> second = observe(suspects);
      reportedActive.retainAll(active(second, "reportedState"));
      actingActive.retainAll(active(second, "state"));
    }
    synchronized (this) {
      rounds++;
      java.time.Instant now = clock.instant();
      if (reportedActive.size() > 1 && epochs(reportedActive, first) == 1) {
        reported.add(now + ": reported ACTIVE at once: " + describe(reportedActive, first));
      } else if (reportedActive.size() > 1) {
        supersededSince = supersededSince == null ? now : supersededSince;
        if (!Duration.between(supersededSince, now).minus(SUPERSEDED_GRACE).isNegative()) {
          reported.add(now + ": reported ACTIVE at once for " + Duration.between(supersededSince, now).toMillis()
              + " ms: " + describe(reportedActive, first));
        }
      } else {
        supersededSince = null;
      }
      if (actingActive.size() > 1) {
        acting.add(clock.instant() + ": acting as active at once: " + describe(actingActive, first));
      }
    }
  }

  private Map<String, JsonNode> observe(List<String> ids) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    for (String id : ids) {
      try {
        out.put(id, nameNodes.get(id).status());
      } catch (IOException e) {
        // down or hung: it cannot be serving as active through this API either; skip it this round
      }
    }
    return out;
  }

  private static List<String> active(Map<String, JsonNode> statuses, String field) {
    List<String> out = new ArrayList<>();
    statuses.forEach((id, s) -> {
      if ("active".equals(s.path(field).asText())) {
        out.add(id);
      }
    });
    return out;
  }

  private static long epochs(List<String> ids, Map<String, JsonNode> statuses) {
    return ids.stream().map(id -> statuses.get(id).path("epoch").asLong()).distinct().count();
  }

  private static List<String> describe(List<String> ids, Map<String, JsonNode> statuses) {
    return ids.stream().sorted().map(id -> id + "@epoch" + statuses.get(id).path("epoch").asLong()).toList();
  }

  public synchronized List<String> reportedOverlaps() {
    return List.copyOf(reported);
  }

  public synchronized List<String> actingOverlaps() {
    return List.copyOf(acting);
  }

  public synchronized long rounds() {
    return rounds;
  }

  /** @throws AssertionError listing the overlaps when two NameNodes reported ACTIVE at the same time */
  public void assertNoReportedSplitBrain() {
    List<String> r = reportedOverlaps();
    if (!r.isEmpty()) {
      throw new AssertionError("split brain: " + r.size() + " rounds with two active NameNodes, first: " + r.get(0));
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
