package io.baton.fencing;

import io.baton.config.ConfigException;
import io.baton.config.ConfigProblem;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured fencing methods of one NameNode, tried in order until one fences it. Each method runs on a
 * fencing thread with its own timeout ({@code fencing.method-timeout}) inside the chain's deadline
 * ({@code fencing.deadline}); a method that overruns is abandoned as TIMED_OUT and the next one is tried.
 * All methods failing means "not fenced": the caller must not promote. Thread-safe.
 */
public final class FencingChain {
  private static final Logger log = LoggerFactory.getLogger(FencingChain.class);

  private final DeploymentConfig deployment;
  private final NameNodeConfig target;
  private final List<ChainBuilder.Step> steps;
  private final Clock clock;
  private final String nodeId;
  private final ExecutorService executor;

  private FencingChain(DeploymentConfig deployment, NameNodeConfig target, List<ChainBuilder.Step> steps,
      Clock clock) {
    this.deployment = deployment;
    this.target = target;
    this.steps = steps;
    this.clock = clock;
    this.nodeId = deployment.local().map(l -> l.nameserviceId() + "." + l.namenodeId()).orElse("baton");
    this.executor = Executors.newCachedThreadPool(daemonThreads("fence-" + target.qualifiedId()));
  }

  /**
   * Parses {@code target.fencing().methods()} with Hadoop's syntax and checks every method's arguments.
   *
   * @throws ConfigException listing every problem, or saying that no method is configured
   */
  public static FencingChain create(DeploymentConfig deployment, NameNodeConfig target) throws ConfigException {
    return create(deployment, target, MonotonicClock.system()); // deadlines must not move with a wall-clock step
  }

  static FencingChain create(DeploymentConfig deployment, NameNodeConfig target, Clock clock)
      throws ConfigException {
    ChainBuilder.Built built = ChainBuilder.build(deployment, target);
    if (!built.problems().isEmpty()) {
      throw new ConfigException(built.problems());
    }
    if (!positive(target.fencing().methodTimeout()) || !positive(target.fencing().deadline())) {
      throw new ConfigException(List.of(ConfigProblem.of("fencing.method-timeout",
          "fencing of " + target.qualifiedId() + " needs a positive method timeout and deadline, got "
              + target.fencing().methodTimeout().toMillis() + " ms and " + target.fencing().deadline().toMillis()
              + " ms", "set fencing.method-timeout and fencing.deadline in baton.yaml, e.g. 45s and 60s")));
    }
    if (built.steps().isEmpty()) {
      throw new ConfigException(List.of(ConfigProblem.of(MethodFactory.METHODS_KEY,
          "no fencing method configured for " + target.qualifiedId(),
          "set " + MethodFactory.METHODS_KEY + ", one method per line, e.g. sshfence then journal")));
    }
    return new FencingChain(deployment, target, built.steps(), clock);
  }

  public List<String> methodNames() {
    return steps.stream().map(s -> s.spec().name()).toList();
  }

  /** Tries the methods in order until one fences; blocks at most until the chain deadline; never throws. */
  public FencingReport fence(FenceRequest request) {
    Instant start = clock.instant();
    String targetId = request.target().qualifiedId();
    if (!targetId.equals(target.qualifiedId())) {
      log.error("{}: asked to fence {} with the chain of {}; not fencing", nodeId, targetId, target.qualifiedId());
      return new FencingReport(false, List.of(), Duration.ZERO, request.target().id());
    }
    Deadline chainDeadline = Deadline.after(target.fencing().deadline(), clock);
    log.info("{}: fencing {} at {} with {} (deadline {} ms)", nodeId, targetId, request.target().haAddress(),
        methodNames(), target.fencing().deadline().toMillis());
    List<FenceAttempt> attempts = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      FenceAttempt attempt = attempt(i, request, chainDeadline);
      attempts.add(attempt);
      if (attempt.fenced() || Thread.currentThread().isInterrupted()) {
        break;
      }
    }
    FencingReport report = new FencingReport(attempts.stream().anyMatch(FenceAttempt::fenced), attempts,
        Duration.between(start, clock.instant()), request.target().id());
    if (report.fenced()) {
      log.info("{}: {}", nodeId, report.summary());
    } else {
      log.error("{}: {}", nodeId, report.summary());
    }
    return report;
  }

  /** Runs every method's pre-flight check (each within the method timeout); fences nothing. */
  public DrillReport drill() {
    List<DrillResult> results = new ArrayList<>();
    for (int i = 0; i < steps.size() && !Thread.currentThread().isInterrupted(); i++) {
      ChainBuilder.Step step = steps.get(i);
      Instant start = clock.instant();
      Duration budget = target.fencing().methodTimeout();
      FenceContext ctx = context(step, FenceRequest.of(target), budget);
      Bounded<CheckResult> r = runBounded(() -> step.method().drill(ctx), budget);
      CheckResult check = r.value != null ? r.value : CheckResult.failed(r.problem);
      DrillResult result = new DrillResult(step.spec().name(), check.passed(), check.detail(),
          Duration.between(start, clock.instant()));
      if (result.passed()) {
        log.info("{}: drill {} for {} passed: {}", nodeId, result.method(), target.qualifiedId(), result.detail());
      } else {
        log.warn("{}: drill {} for {} FAILED: {}", nodeId, result.method(), target.qualifiedId(), result.detail());
      }
      results.add(result);
    }
    return new DrillReport(results);
  }

  private FenceAttempt attempt(int index, FenceRequest request, Deadline chainDeadline) {
    ChainBuilder.Step step = steps.get(index);
    String name = step.spec().name();
    Instant start = clock.instant();
    if (chainDeadline.expired()) {
      return new FenceAttempt(name, index, start, Duration.ZERO, FenceOutcome.TIMED_OUT, "not started: the chain"
          + " deadline of " + target.fencing().deadline().toMillis() + " ms had passed", List.of());
    }
    Duration methodTimeout = target.fencing().methodTimeout();
    Duration budget = min(methodTimeout, chainDeadline.remaining());
    String limit = budget.equals(methodTimeout) ? "method timeout" : "rest of the chain deadline";
    log.info("{}: fencing {}: method {}/{} {}", nodeId, request.target().qualifiedId(), index + 1, steps.size(),
        step.spec().text());
    FenceContext ctx = context(step, request, budget);
    Bounded<FenceResult> r = runBounded(() -> step.method().fence(ctx), budget);
    FenceResult result = r.value != null ? r.value
        : new FenceResult(r.timedOut ? FenceOutcome.TIMED_OUT : FenceOutcome.FAILED,
            r.timedOut ? "abandoned after " + budget.toMillis() + " ms (" + limit + ")" : r.problem);
    FenceAttempt attempt = new FenceAttempt(name, index, start, Duration.between(start, clock.instant()),
        result.outcome(), result.reason(), ctx.output().head());
    if (attempt.fenced()) {
      log.info("{}: {} fenced {} in {} ms: {}", nodeId, name, request.target().qualifiedId(),
          attempt.duration().toMillis(), attempt.reason());
    } else {
      log.warn("{}: {} did not fence {}: {} in {} ms: {}", nodeId, name, request.target().qualifiedId(),
          attempt.outcome(), attempt.duration().toMillis(), attempt.reason());
    }
    return attempt;
  }

  /** The method's own deadline ends a little before the chain stops waiting, so it can report why it failed. */
  private FenceContext context(ChainBuilder.Step step, FenceRequest request, Duration budget) {
    Duration margin = min(Duration.ofMillis(200), budget.dividedBy(10));
    FenceLog output = new FenceLog(nodeId, step.spec().name(), request.target().qualifiedId());
    return new FenceContext(request.target(), request.source(), step.spec().args(), deployment,
        Deadline.after(budget.minus(margin), clock), output);
  }

  /** A task's value, or why there is none. */
  private record Bounded<T>(T value, boolean timedOut, String problem) {}

  private <T> Bounded<T> runBounded(Callable<T> task, Duration budget) {
    Future<T> future;
    try {
      future = executor.submit(task);
    } catch (RuntimeException e) {
      return new Bounded<>(null, false, "could not start: " + e);
    }
    try {
      T value = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
      return value != null ? new Bounded<>(value, false, null) : new Bounded<>(null, false, "returned no result");
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Bounded<>(null, true, null);
    } catch (ExecutionException e) {
      Throwable cause = Optional.ofNullable(e.getCause()).orElse(e);
      return new Bounded<>(null, false, "threw " + cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Bounded<>(null, false, "interrupted: fencing was stopped by the caller");
    }
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
