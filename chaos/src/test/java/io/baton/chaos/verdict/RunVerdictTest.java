package io.baton.chaos.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.chaos.report.StepResult;
import io.baton.chaos.schedule.Expectation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunVerdictTest {
  private static final CheckerVerdict CLEAN = CheckerVerdict.of(0, "{\"violations\":[]}", "");
  private static final CheckerVerdict SPLIT = CheckerVerdict.of(1,
      "{\"violations\":[{\"kind\":\"SPLIT_BRAIN_STALE_EPOCH\",\"summary\":\"nn1 acknowledged c1-7 at epoch 1\"}]}", "");
  private static final CheckerVerdict LOST = CheckerVerdict.of(1,
      "{\"clean\":false,\"verdict\":{\"violations\":[{\"kind\":\"LOST_WRITE\",\"summary\":\"c1-9 lost\"}]}}", "");

  @Test
  void aCleanLiveRunPasses() {
    RunVerdict v = RunVerdict.decide(Expectation.SAFE_AND_LIVE, CLEAN, Optional.of(120L), 33_200, List.of());
    assertThat(v.passed()).isTrue();
    assertThat(v.summary()).isEqualTo("PASS: no split brain, no lost acknowledged write, a write acknowledged 120 ms "
        + "after the last heal (bound 33200 ms)");
  }

  @Test
  void violationsFailTheRun() {
    RunVerdict v = RunVerdict.decide(Expectation.SAFE_AND_LIVE, LOST, Optional.of(120L), 33_200, List.of());
    assertThat(v.passed()).isFalse();
    assertThat(v.problems()).containsExactly("the checker found violations: LOST_WRITE x1");
    assertThat(LOST.lostWrite()).isTrue();
    assertThat(LOST.splitBrain()).isFalse();
  }

  @Test
  void livenessIsJudgedAgainstTheBound() {
    assertThat(RunVerdict.decide(Expectation.SAFE_AND_LIVE, CLEAN, Optional.of(40_000L), 33_200, List.of())
        .problems()).containsExactly("not live: the first write after the last heal was acknowledged after 40000 ms, "
            + "above the bound of 33200 ms");
    assertThat(RunVerdict.decide(Expectation.SAFE_AND_LIVE, CLEAN, Optional.empty(), 33_200, List.of()).problems())
        .containsExactly("not live: no write was acknowledged within 33200 ms after the last heal");
  }

  @Test
  void theNegativeControlPassesOnlyWhenSplitBrainIsFound() {
    RunVerdict found = RunVerdict.decide(Expectation.SPLIT_BRAIN_DETECTED, SPLIT, Optional.of(10L), 1000, List.of());
    assertThat(found.passed()).isTrue();
    assertThat(found.summary()).isEqualTo("PASS (negative control): split brain detected with fencing off, as it "
        + "must be: SPLIT_BRAIN_STALE_EPOCH x1");
    RunVerdict missed = RunVerdict.decide(Expectation.SPLIT_BRAIN_DETECTED, CLEAN, Optional.of(10L), 1000, List.of());
    assertThat(missed.passed()).isFalse();
    assertThat(missed.summary()).isEqualTo("FAIL: NEGATIVE CONTROL FAILED: fencing and the epoch check were off, yet "
        + "the checker found no split brain (exit 0, violations: none)");
  }

  @Test
  void anUndecidedCheckerOrABrokenStepIsNeverAPass() {
    CheckerVerdict crashed = new CheckerVerdict(2, List.of(), "", "baton check: give at least one --history FILE");
    RunVerdict v = RunVerdict.decide(Expectation.SAFE_AND_LIVE, crashed, Optional.of(1L), 1000, List.of());
    assertThat(v.passed()).isFalse();
    assertThat(v.problems()).containsExactly(
        "the checker could not decide (exit 2): baton check: give at least one --history FILE");
    StepResult broken = new StepResult(1, "zombie", "plan", 0, 0, "", "", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("inject: no single active NameNode to hit within 30 s"));
    assertThat(RunVerdict.decide(Expectation.SAFE_AND_LIVE, CLEAN, Optional.of(1L), 1000, List.of(broken)).problems())
        .containsExactly("step 1 zombie failed: inject: no single active NameNode to hit within 30 s");
  }
}
