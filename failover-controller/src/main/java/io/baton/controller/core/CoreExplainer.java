package io.baton.controller.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns the core's state into sentences: what the controller is doing, and what blocks it. */
final class CoreExplainer {
  record Facts(
      String nodeId,
      ControllerState state,
      ControllerState roleBeforeNeutral,
      String electionNote,
      Optional<String> currentActive,
      Optional<Pause> pause,
      Optional<Instant> cededUntil,
      Optional<String> antiFlapping,
      Optional<String> promotionStep,
      Optional<String> lastFailure,
      Optional<String> failback,
      Optional<String> breadcrumb,
      ZkConnection zk) {}

  private CoreExplainer() {}

  static List<String> explain(Supplier<Facts> supplier) {
    Facts f = supplier.get();
    List<String> lines = new ArrayList<>();
    String active = f.currentActive().map(a -> a.equals(f.nodeId()) ? "this node" : a).orElse("nobody");
    switch (f.state()) {
      case ACTIVE -> lines.add(f.nodeId() + " is ACTIVE and holds the election lock");
      case BECOMING_ACTIVE -> lines.add(f.nodeId() + " won the election and is becoming active"
          + f.promotionStep().map(s -> " (step: " + s + ")").orElse(""));
      case NEUTRAL -> lines.add(f.nodeId() + " is NEUTRAL: ZooKeeper is " + f.zk() + "; keeping role "
          + f.roleBeforeNeutral() + " until the connection is back or the session is lost");
      case OBSERVER -> lines.add(f.nodeId() + " serves an observer: never promoted, never demoted");
      case INITIALIZING -> lines.add(f.nodeId() + " is waiting for the first health check");
      case STOPPED -> lines.add(f.nodeId() + " is stopped");
      default -> lines.add(f.nodeId() + " is STANDBY; the lock is held by " + active);
    }
    lines.add(f.electionNote());
    f.pause().ifPresent(p -> lines.add("automatic failover paused since " + p.since() + " until " + p.until()
        + ": " + p.reason()));
    f.cededUntil().ifPresent(c -> lines.add("ceded: stays out of the election until " + c));
    f.antiFlapping().ifPresent(lines::add);
    f.failback().ifPresent(lines::add);
    f.breadcrumb().ifPresent(lines::add);
    f.lastFailure().ifPresent(l -> lines.add("last failed promotion: " + l));
    return lines;
  }
}
