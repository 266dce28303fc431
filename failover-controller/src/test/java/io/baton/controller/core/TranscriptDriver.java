package io.baton.controller.core;

import io.baton.controller.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs transcript commands on a {@link ControllerCore} with a manual clock; each command returns the effects
 * it produced, the role change and whatever it was asked to print. Results name no attempt: the driver answers
 * the newest one, as the adapters would.
 *
 * <p>Commands: {@code settings [peers=a,b] [anti-flapping=60s] [preferred=nn1]} (first), {@code zk STATE},
 * {@code health STATE [REPORTED]}, {@code won [free-for 30ms]}, {@code observed HOLDER|nobody [epoch N]},
 * {@code breadcrumb NN|none [promoted-ago 20s] [down]}, {@code breadcrumb unreadable TEXT},
 * {@code probed NN STATE|silent}, {@code graceful-fence ok|failed}, {@code fence ok|failed},
 * {@code epoch N}, {@code epoch-failed TEXT}, {@code activated ok|failed}, {@code standby-done ok|failed},
 * {@code tick 5s}, {@code cede 10s}, {@code pause 2m REASON}, {@code resume}, {@code manual-failover REASON},
 * {@code stop}, {@code explain}, {@code status}.
 */
final class TranscriptDriver {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(START);
  private final List<Pending> timers = new ArrayList<>();
  private CoreSettings settings = CoreSettings.defaults("nn1").withPeers(List.of("nn2"));
  private ControllerCore core;
  private long attempt;
  private long requests;
  private String fenceTarget = "?";

  private record Pending(Instant due, Effect.ScheduleTimer timer) {}

  List<String> run(String command) {
    String[] w = command.split("\\s+");
    String rest = command.substring(w[0].length()).trim();
    if (w[0].equals("settings")) {
      configure(w);
      return List.of();
    }
    if (core == null) {
      core = new ControllerCore(settings, clock);
    }
    return switch (w[0]) {
      case "zk" -> on(new Event.ZkConnectionChanged(ZkConnection.valueOf(upper(w[1]))));
      case "health" -> on(new Event.HealthChecked(HealthState.valueOf(upper(w[1])),
          w.length > 2 ? Optional.of(ServiceState.valueOf(upper(w[2]))) : Optional.empty(), w[1]));
      case "won" -> on(new Event.ElectionWon(w.length > 2
          ? Optional.of(clock.instant().minus(duration(w[2]))) : Optional.empty()));
      case "observed" -> on(new Event.LockObserved(w[1].equals("nobody") ? Optional.empty() : Optional.of(w[1]),
          w.length > 3 ? Long.parseLong(w[3]) : 0));
      case "breadcrumb" -> breadcrumb(w, rest);
      case "probed" -> on(new Event.NameNodeProbed(attempt, w[1], w[2].equals("silent") ? Optional.empty()
          : Optional.of(ServiceState.valueOf(upper(w[2]))), w[2].equals("silent") ? "connection refused" : "ok"));
      case "graceful-fence" -> on(new Event.GracefulFenceDone(attempt, ok(w[1]), ok(w[1]) ? "ok"
          : "Connection refused"));
      case "fence" -> on(new Event.FenceDone(attempt, fenceResult(ok(w[1]))));
      case "epoch" -> on(new Event.EpochClaimed(attempt, Long.parseLong(w[1])));
      case "epoch-failed" -> on(new Event.StepFailed(attempt, "claim-epoch", rest));
      case "activated" -> on(new Event.ActivationDone(attempt, ok(w[1]), ok(w[1]) ? "ok" : "refused"));
      case "standby-done" -> on(new Event.StandbyDone(ok(w[1]), ok(w[1]) ? "ok" : "refused"));
      case "tick" -> tick(duration(w[1]));
      case "cede" -> on(new Event.CedeRequested(++requests, duration(w[1])));
      case "pause" -> on(new Event.PauseRequested(++requests, command.split("\\s+", 3)[2],
          Optional.of(duration(w[1]))));
      case "resume" -> on(new Event.ResumeRequested(++requests));
      case "manual-failover" -> on(new Event.ManualFailoverExpected(rest));
      case "stop" -> on(new Event.StopRequested(++requests));
      case "explain" -> core.status().explain().stream().map(l -> "explain: " + l).toList();
      case "status" -> List.of("status: " + core.state() + " epoch=" + core.status().epoch() + " active="
          + core.status().currentActive().orElse("nobody") + " inElection=" + core.status().inElection());
      default -> throw new IllegalArgumentException("unknown transcript command: " + command);
    };
  }

  private void configure(String[] w) {
    for (String kv : Arrays.copyOfRange(w, 1, w.length)) {
      String[] p = kv.split("=", 2);
      CoreSettings s = settings;
      settings = switch (p[0]) {
        case "peers" -> s.withPeers(List.of(p[1].split(",")));
        case "anti-flapping" -> new CoreSettings(s.nodeId(), s.preferredActive(), s.retryBackoff(),
            s.maxRetryBackoff(), duration(p[1]), s.failbackDelay(), s.maintenanceDefaultExpiry(), s.timelineSize(),
            s.peers());
        case "preferred" -> new CoreSettings(s.nodeId(), Optional.of(p[1]), s.retryBackoff(), s.maxRetryBackoff(),
            s.antiFlappingWindow(), s.failbackDelay(), s.maintenanceDefaultExpiry(), s.timelineSize(), s.peers());
        default -> throw new IllegalArgumentException("unknown setting: " + kv);
      };
    }
  }

  private List<String> breadcrumb(String[] w, String rest) {
    if (w[1].equals("unreadable")) {
      return on(new Event.BreadcrumbRead(attempt, Optional.empty(), Optional.empty(), true, 0, Optional.empty(),
          Optional.of("breadcrumb /hadoop-ha/ns1/ActiveBreadCrumb holds '" + rest.substring("unreadable".length())
              .trim() + "', which names no NameNode of this nameservice")));
    }
    Optional<Instant> promoted = Optional.empty();
    boolean down = false;
    for (int i = 2; i < w.length; i++) {
      if (w[i].equals("promoted-ago")) {
        promoted = Optional.of(clock.instant().minus(duration(w[++i])));
      } else if (w[i].equals("down")) {
        down = true;
      }
    }
    return on(new Event.BreadcrumbRead(attempt, w[1].equals("none") ? Optional.empty() : Optional.of(w[1]),
        promoted, !down));
  }

  private List<String> on(Event event) {
    ControllerState before = core.state();
    List<Effect> effects = core.handle(event);
    List<String> out = new ArrayList<>();
    for (Effect e : effects) {
      remember(e);
      out.add(print(e));
    }
    if (core.state() != before) {
      out.add("role " + before + " -> " + core.state());
    }
    return out;
  }

  private void remember(Effect e) {
    if (e instanceof Effect.ScheduleTimer t) {
      timers.add(new Pending(clock.instant().plus(t.delay()), t));
    } else if (e instanceof Effect.ReadBreadcrumb r) {
      attempt = r.attempt();
    } else if (e instanceof Effect.GracefulFence g) {
      fenceTarget = g.namenodeId();
    } else if (e instanceof Effect.Fence f) {
      fenceTarget = f.namenodeId();
    }
  }

  /** Moves the clock, firing due timers in order (each with what it produced). */
  private List<String> tick(Duration d) {
    Instant end = clock.instant().plus(d);
    List<String> out = new ArrayList<>();
    while (true) {
      Optional<Pending> next = timers.stream().filter(p -> !p.due().isAfter(end))
          .min(Comparator.comparing(Pending::due));
      if (next.isEmpty()) {
        break;
      }
      timers.remove(next.get());
      clock.advance(Duration.between(clock.instant(), next.get().due()));
      List<String> produced = on(new Event.TimerFired(next.get().timer().kind(), next.get().timer().token()));
      if (!produced.isEmpty()) {
        out.add("at " + since() + ": " + next.get().timer().kind() + " fired");
        out.addAll(produced);
      }
    }
    clock.advance(Duration.between(clock.instant(), end));
    out.add("now " + since());
    return out;
  }

  private String since() {
    return "+" + format(Duration.between(START, clock.instant()));
  }

  private FenceResult fenceResult(boolean ok) {
    Duration took = Duration.ofMillis(400);
    return new FenceResult(ok, (ok ? "fenced " : "could not fence ") + fenceTarget + " by sshfence in 400 ms",
        List.of(new FenceResult.Attempt("sshfence", ok ? "FENCED" : "UNREACHABLE", took, ok ? "" : "timed out")),
        took);
  }

  /** One effect, compactly: {@code Fence attempt=1 nn2}. */
  static String print(Effect e) {
    String name = e.getClass().getSimpleName();
    String body = e.toString();
    String fields = body.substring(body.indexOf('[') + 1, body.length() - 1);
    if (e instanceof Effect.ScheduleTimer t) {
      fields = t.kind() + " in " + format(t.delay());
    }
    return fields.isEmpty() ? name : name + " " + fields;
  }

  static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long s = d.toSeconds();
    return s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
  }

  static Duration duration(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("duration like 5s, 30ms, 2m or 1h expected, got " + text);
    };
  }

  private static boolean ok(String word) {
    return word.equals("ok");
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
