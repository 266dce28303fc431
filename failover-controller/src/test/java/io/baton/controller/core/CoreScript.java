package io.baton.controller.core;

import io.baton.controller.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Drives a {@link ControllerCore} on a manual clock: feed events, read the effects they produced, advance time
 * (due timers fire on the calling thread, in due order). Deterministic, no threads.
 */
final class CoreScript {
  final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  final ControllerCore core;
  final List<Effect> all = new ArrayList<>();
  private final List<Pending> timers = new ArrayList<>();
  private long requests;

  private record Pending(Instant due, Effect.ScheduleTimer timer) {}

  CoreScript(CoreSettings settings) {
    core = new ControllerCore(settings, clock);
  }

  static CoreScript nn1() {
    return new CoreScript(CoreSettings.defaults("nn1"));
  }

  /** Feeds one event; returns the effects it produced (timers are also remembered for {@link #advance}). */
  List<Effect> on(Event e) {
    List<Effect> effects = core.handle(e);
    all.addAll(effects);
    for (Effect f : effects) {
      if (f instanceof Effect.ScheduleTimer t) {
        timers.add(new Pending(clock.instant().plus(t.delay()), t));
      }
    }
    return effects;
  }

  /** Moves time forward, firing due timers; returns every effect they produced. */
  List<Effect> advance(Duration d) {
    Instant end = clock.instant().plus(d);
    List<Effect> produced = new ArrayList<>();
    while (true) {
      Optional<Pending> next = timers.stream().filter(p -> !p.due().isAfter(end))
          .min(Comparator.comparing(Pending::due));
      if (next.isEmpty()) {
        break;
      }
      timers.remove(next.get());
      Duration step = Duration.between(clock.instant(), next.get().due());
      if (!step.isNegative()) {
        clock.advance(step);
      }
      produced.addAll(on(new Event.TimerFired(next.get().timer().kind(), next.get().timer().token())));
    }
    clock.advance(Duration.between(clock.instant(), end));
    return produced;
  }

  List<Effect> healthy() {
    return on(new Event.HealthChecked(HealthState.HEALTHY, Optional.of(ServiceState.STANDBY), "ok"));
  }

  List<Effect> healthy(ServiceState reported) {
    return on(new Event.HealthChecked(HealthState.HEALTHY, Optional.of(reported), "ok"));
  }

  List<Effect> health(HealthState h) {
    return on(new Event.HealthChecked(h, Optional.empty(), h.name().toLowerCase()));
  }

  List<Effect> connected() {
    return on(new Event.ZkConnectionChanged(ZkConnection.CONNECTED));
  }

  long nextRequest() {
    return ++requests;
  }

  /** Brings a fresh core to ACTIVE with epoch {@code epoch} and no previous active. */
  void makeActive(long epoch) {
    connected();
    healthy();
    on(new Event.ElectionWon(Optional.empty()));
    long attempt = lastAttempt();
    on(new Event.BreadcrumbRead(attempt, Optional.empty(), Optional.empty()));
    on(new Event.EpochClaimed(attempt, epoch));
    on(new Event.ActivationDone(attempt, true, "ok"));
    healthy(ServiceState.ACTIVE);
  }

  long lastAttempt() {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i) instanceof Effect.ReadBreadcrumb r) {
        return r.attempt();
      }
    }
    throw new AssertionError("no promotion started; effects: " + all);
  }
}
