package io.baton.fencing;

import io.baton.config.HostPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call on every node at once, returning as soon as {@code needed} of them succeeded (the slow ones are not
 * waited for), all answered, or the deadline passed. Every node's answer is kept, in the order given.
 */
final class QuorumCall {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Daemon threads: a hung call must not keep the JVM alive; a call is interrupted when no longer waited for. */
  private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "quorum-call-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  @FunctionalInterface
  interface NodeCall<T> {
    T call(HostPort node) throws Exception;
  }

  /** One node's answer: a value or why there is none. */
  record Reply<T>(HostPort node, Optional<T> value, Optional<IpcFailure> failure) {
    boolean ok() {
      return value.isPresent();
    }

    @Override
    public String toString() {
      return failure.map(IpcFailure::toString).orElseGet(() -> node + " answered");
    }
  }

  /** All replies, in node order. */
  record Result<T>(List<Reply<T>> replies) {
    List<T> values() {
      return replies.stream().filter(Reply::ok).map(r -> r.value().orElseThrow()).toList();
    }

    long succeeded() {
      return replies.stream().filter(Reply::ok).count();
    }

    boolean anyRefused() {
      return replies.stream().anyMatch(r -> r.failure().map(IpcFailure::refused).orElse(false));
    }

    @Override
    public String toString() {
      return String.join("; ", replies.stream().map(Reply::toString).toList());
    }
  }

  private QuorumCall() {}

  static int majority(int nodes) {
    return nodes / 2 + 1;
  }

  static <T> Result<T> run(List<HostPort> nodes, int needed, Deadline deadline, NodeCall<T> call)
      throws InterruptedException {
    long waitedMillis = deadline.remaining().toMillis();
    LinkedBlockingQueue<Reply<T>> done = new LinkedBlockingQueue<>();
    List<Future<?>> running = new ArrayList<>();
    for (HostPort node : nodes) {
      running.add(CALLS.submit(() -> done.add(callOne(node, call))));
    }
    Map<HostPort, Reply<T>> replies = new LinkedHashMap<>();
    int succeeded = 0;
    try {
      while (replies.size() < nodes.size() && succeeded < needed) {
        Reply<T> r = done.poll(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
          break;
        }
        replies.put(r.node(), r);
        succeeded += r.ok() ? 1 : 0;
      }
    } finally {
      running.forEach(f -> f.cancel(true));
    }
    boolean enough = succeeded >= needed;
    List<Reply<T>> ordered = new ArrayList<>();
    for (HostPort node : nodes) {
      ordered.add(replies.getOrDefault(node, new Reply<>(node, Optional.empty(), Optional.of(enough
          ? IpcFailure.notWaitedFor(node) : IpcFailure.noAnswerWithin(node, waitedMillis)))));
    }
    return new Result<>(ordered);
  }

  private static <T> Reply<T> callOne(HostPort node, NodeCall<T> call) {
    try {
      return new Reply<>(node, Optional.of(call.call(node)), Optional.empty());
    } catch (Exception | LinkageError e) {
      return new Reply<>(node, Optional.empty(), Optional.of(IpcFailure.of(node, e)));
    }
  }
}
