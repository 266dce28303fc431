package io.baton.fencing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Custom fence methods named by class in tests; they record what ran in {@link #CALLS}. */
final class FakeMethods {
  static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());
  /** Lets {@link Stubborn} finish; tests count it down when done. */
  static volatile CountDownLatch RELEASE = new CountDownLatch(1);

  private FakeMethods() {}

  /** Fences when its argument is "yes", fails otherwise; rejects "bad" at load. */
  public static final class Answer implements FenceMethod {
    @Override
    public void checkArgs(Optional<String> args) {
      if (args.isEmpty() || args.get().equals("bad")) {
        throw new IllegalArgumentException("write yes or no");
      }
    }

    @Override
    public FenceResult fence(FenceContext ctx) {
      CALLS.add("answer(" + ctx.args().orElseThrow() + ")");
      ctx.output().info("answering " + ctx.args().orElseThrow());
      return ctx.args().get().equals("yes") ? FenceResult.fenced("said yes") : FenceResult.failed("said no");
    }

    @Override
    public CheckResult drill(FenceContext ctx) {
      CALLS.add("drill(" + ctx.args().orElseThrow() + ")");
      return new CheckResult(ctx.args().get().equals("yes"), "would say " + ctx.args().get());
    }
  }

  /** Never returns on its own and ignores interrupts: the chain deadline must hold anyway. */
  public static final class Stubborn implements FenceMethod {
    @Override
    public FenceResult fence(FenceContext ctx) {
      CALLS.add("stubborn");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (RELEASE.getCount() > 0 && System.nanoTime() < end) {
        try {
          RELEASE.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          // deliberately ignored: a badly written custom fencer
        }
      }
      return FenceResult.fenced("too late");
    }
  }

  /** Throws. */
  public static final class Broken implements FenceMethod {
    @Override
    public FenceResult fence(FenceContext ctx) {
      CALLS.add("broken");
      throw new IllegalStateException("disk on fire");
    }
  }

  /** Has no no-argument constructor. */
  public static final class NoDefaultConstructor implements FenceMethod {
    public NoDefaultConstructor(String x) {}

    @Override
    public FenceResult fence(FenceContext ctx) {
      return FenceResult.failed("unused");
    }
  }
}
