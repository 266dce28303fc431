package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConfigValidators found with ServiceLoader add their problems after the core checks. */
class ValidatorTest {
  @TempDir Path dir;

  @Test
  void validatorProblemsAreAdded() {
    assertThat(ConfFixture.valid(dir).hdfs(MarkerValidator.KEY, "report").problems()).containsExactly(
        "dfs.ha.fencing.methods: validator saw [ns1]. Fix: nothing");
  }

  @Test
  void validatorsRunAfterCoreProblemsToo() {
    assertThat(ConfFixture.valid(dir).hdfs(MarkerValidator.KEY, "report")
        .moreYaml("failover: { retry-backoff: 0s }\n").problems()).containsExactly(
        "baton.yaml:6: failover.retry-backoff: must be positive, got 0s. Fix: use a duration above zero, such as 1s",
        "dfs.ha.fencing.methods: validator saw [ns1]. Fix: nothing");
  }

  @Test
  void aThrowingValidatorBecomesAProblem() {
    assertThat(ConfFixture.valid(dir).hdfs(MarkerValidator.KEY, "throw").problems()).containsExactly(
        "baton: validator io.baton.config.MarkerValidator failed: java.lang.IllegalStateException: boom. Fix: report"
            + " this as a Baton bug");
  }
}
