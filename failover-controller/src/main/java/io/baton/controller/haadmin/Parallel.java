package io.baton.controller.haadmin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Asks several NameNodes or controllers at once, so a report over N nodes takes one timeout, not N. Results
 * keep the order of the inputs; a call that overruns {@code deadline} becomes {@code onFailure}'s result.
 */
final class Parallel {
  private Parallel() {}

  static <T, R> List<R> map(List<T> items, Function<T, R> call, Duration deadline,
      BiFunction<T, Throwable, R> onFailure) {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), 8), r -> {
      Thread t = new Thread(r, "haadmin-call");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> call.apply(item)));
      }
      long until = System.nanoTime() + deadline.toNanos();
      List<R> results = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        results.add(await(futures.get(i), items.get(i), until, onFailure));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> R await(Future<R> future, T item, long untilNanos, BiFunction<T, Throwable, R> onFailure) {
    try {
      return future.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      return onFailure.apply(item, e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      return onFailure.apply(item, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return onFailure.apply(item, e);
    }
  }
}
