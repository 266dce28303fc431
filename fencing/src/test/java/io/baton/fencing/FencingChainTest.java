package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain: order, first success wins, all failing means not fenced, timeouts and the deadline hold. */
class FencingChainTest {
  private static final String ANSWER = "io.baton.fencing.FakeMethods$Answer";
  private static final String STUBBORN = "io.baton.fencing.FakeMethods$Stubborn";
  private static final String BROKEN = "io.baton.fencing.FakeMethods$Broken";

  @BeforeEach
  void reset() {
    FakeMethods.CALLS.clear();
    FakeMethods.RELEASE = new CountDownLatch(1);
  }

  @AfterEach
  void release() {
    FakeMethods.RELEASE.countDown();
  }

  @Test
  void triesInOrderAndTheFirstSuccessWins() throws Exception {
    TestDeployment t = TestDeployment.with(ANSWER + "(no)\n" + ANSWER + "(yes)\n" + ANSWER + "(never)");
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));

    assertThat(FakeMethods.CALLS).containsExactly("answer(no)", "answer(yes)");
    assertThat(report.fenced()).isTrue();
    assertThat(report.attempts()).extracting(FenceAttempt::index, FenceAttempt::outcome, FenceAttempt::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, FenceOutcome.FAILED, "said no"),
            org.assertj.core.groups.Tuple.tuple(1, FenceOutcome.FENCED, "said yes"));
    assertThat(report.attempts().get(1).outputHead()).containsExactly("answering yes");
    assertThat(report.winner()).map(FenceAttempt::index).contains(1);
    assertThat(report.summary()).matches("fenced nn1 by " + ANSWER.replace("$", "\\$") + " in \\d+ ms");
  }

  @Test
  void allFailingMeansNotFenced() throws Exception {
    TestDeployment t = TestDeployment.with(ANSWER + "(no)\n" + BROKEN + "\nshell(exit 3)");
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));

    assertThat(report.fenced()).isFalse();
    assertThat(report.winner()).isEmpty();
    assertThat(report.attempts()).extracting(FenceAttempt::outcome)
        .containsExactly(FenceOutcome.FAILED, FenceOutcome.FAILED, FenceOutcome.FAILED);
    assertThat(report.attempts().get(1).reason()).isEqualTo("threw java.lang.IllegalStateException: disk on fire");
    assertThat(report.attempts().get(2).reason()).isEqualTo("command exited 3");
    assertThat(report.summary()).startsWith("could not fence nn1 in ")
        .contains(ANSWER + " FAILED in ").contains("(said no); ").contains("shell FAILED in ")
        .endsWith("(command exited 3)");
  }

  @Test
  void aMethodThatIgnoresItsTimeoutIsAbandonedAndTheNextOneRuns() throws Exception {
    TestDeployment t = TestDeployment.with(STUBBORN + "\n" + ANSWER + "(yes)")
        .timeouts(Duration.ofMillis(500), Duration.ofSeconds(5));
    long start = System.nanoTime();
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(report.fenced()).isTrue();
    assertThat(report.attempts().get(0).outcome()).isEqualTo(FenceOutcome.TIMED_OUT);
    assertThat(report.attempts().get(0).reason()).isEqualTo("abandoned after 500 ms (method timeout)");
    assertThat(report.winner()).map(FenceAttempt::index).contains(1);
    assertThat(tookMs).isBetween(450L, 2_000L);
  }

  @Test
  void theChainDeadlineHoldsAndLaterMethodsAreRecordedAsNotStarted() throws Exception {
    TestDeployment t = TestDeployment.with(STUBBORN + "\n" + STUBBORN + "\n" + ANSWER + "(yes)")
        .timeouts(Duration.ofMillis(600), Duration.ofMillis(1000));
    long start = System.nanoTime();
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(report.fenced()).isFalse();
    assertThat(tookMs).isBetween(950L, 2_500L);
    assertThat(report.attempts()).extracting(FenceAttempt::outcome)
        .containsExactly(FenceOutcome.TIMED_OUT, FenceOutcome.TIMED_OUT, FenceOutcome.TIMED_OUT);
    assertThat(report.attempts().get(0).reason()).isEqualTo("abandoned after 600 ms (method timeout)");
    assertThat(report.attempts().get(1).reason()).matches("abandoned after (3\\d\\d|400) ms \\(rest of the chain deadline\\)");
    assertThat(report.attempts().get(2).reason()).isEqualTo("not started: the chain deadline of 1000 ms had passed");
    assertThat(FakeMethods.CALLS).containsExactly("stubborn", "stubborn");
  }

  @Test
  void aChainFencesOnlyItsOwnTarget() throws Exception {
    TestDeployment t = TestDeployment.with(ANSWER + "(yes)");
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn2()));
    assertThat(report.fenced()).isFalse();
    assertThat(FakeMethods.CALLS).isEmpty();
  }

  @Test
  void drillRunsEveryMethodsCheckAndFencesNothing() throws Exception {
    TestDeployment t = TestDeployment.with(ANSWER + "(yes)\n" + ANSWER + "(no)\nshell(true)");
    DrillReport drill = t.chain().drill();

    assertThat(FakeMethods.CALLS).containsExactly("drill(yes)", "drill(no)");
    assertThat(drill.results()).extracting(DrillResult::method, DrillResult::passed, DrillResult::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ANSWER, true, "would say yes"),
            org.assertj.core.groups.Tuple.tuple(ANSWER, false, "would say no"),
            org.assertj.core.groups.Tuple.tuple("shell", true, "'true' found as true; bash syntax ok"));
    assertThat(drill.allPassed()).isFalse();
    assertThat(drill.anyPassed()).isTrue();
  }

  @Test
  void drillOfAHangingCheckIsBoundedByTheMethodTimeout() throws Exception {
    TestDeployment t = TestDeployment.with(STUBBORN).timeouts(Duration.ofMillis(300), Duration.ofSeconds(1));
    // Stubborn has no drill of its own: the default passes at once
    assertThat(t.chain().drill().allPassed()).isTrue();
  }

  @Test
  void aStoppedCallerGetsANotFencedReportAtOnce() throws Exception {
    TestDeployment t = TestDeployment.with(STUBBORN + "\n" + ANSWER + "(yes)")
        .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20));
    FencingChain chain = t.chain();
    Thread.currentThread().interrupt();
    try {
      FencingReport report = chain.fence(FenceRequest.of(t.nn1()));
      assertThat(report.fenced()).isFalse();
      assertThat(report.attempts()).singleElement()
          .satisfies(a -> assertThat(a.reason()).isEqualTo("interrupted: fencing was stopped by the caller"));
      assertThat(report.took()).isLessThan(Duration.ofSeconds(2));
    } finally {
      assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
    }
  }
}
