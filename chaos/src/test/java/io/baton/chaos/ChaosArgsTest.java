package io.baton.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.worlds.TimingProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChaosArgsTest {

  @Test
  void parsesEveryForm() throws Exception {
    ChaosArgs run = ChaosArgs.parse("run", "--scenario", "zombie", "--unsafe-no-fencing", "--rate", "50");
    assertThat(run.command()).isEqualTo(ChaosArgs.Command.RUN);
    assertThat(run.scenario()).contains("zombie");
    assertThat(run.unsafeNoFencing()).isTrue();
    assertThat(run.rate()).isEqualTo(50);
    assertThat(run.timing()).isEqualTo(TimingProfile.FAST);
    assertThat(run.netns()).as("loopback is the default").isFalse();
    assertThat(ChaosArgs.parse("run", "--scenario", "zombie", "--netns").netns()).isTrue();

    ChaosArgs random = ChaosArgs.parse("run", "--random", "--seed", "7", "--timing", "hadoop-defaults");
    assertThat(random.random()).isTrue();
    assertThat(random.seed()).contains(7L);
    assertThat(random.timing()).isEqualTo(TimingProfile.HADOOP_DEFAULTS);

    ChaosArgs all = ChaosArgs.parse("run", "--all", "--lanes", "2");
    assertThat(all.all()).isTrue();
    assertThat(all.lanes()).isEqualTo(2);
    assertThat(ChaosArgs.parse("run", "--all").lanes()).as("one lane unless asked").isEqualTo(1);

    ChaosArgs soak = ChaosArgs.parse("soak", "--duration", "1h", "--seed", "3");
    assertThat(soak.duration()).contains(Duration.ofHours(1));
    assertThat(ChaosArgs.parse("list").command()).isEqualTo(ChaosArgs.Command.LIST);
  }

  @Test
  void mistakesSayWhatIsWrong() {
    assertError("missing command: list, run or soak");
    assertError("unknown command 'go'; use list, run or soak", "go");
    assertError("run needs exactly one of --scenario NAME, --random --seed N or --all", "run");
    assertError("run needs exactly one of --scenario NAME, --random --seed N or --all", "run", "--scenario", "x",
        "--random", "--seed", "1");
    assertError("run needs exactly one of --scenario NAME, --random --seed N or --all", "run", "--all",
        "--scenario", "x");
    assertError("--all runs every named scenario and the negative control: drop --unsafe-no-fencing and --seed",
        "run", "--all", "--unsafe-no-fencing");
    assertError("--lanes belongs to run --all", "run", "--scenario", "zombie", "--lanes", "2");
    assertError("--lanes must be between 1 and 4, got 5", "run", "--all", "--lanes", "5");
    assertError("namespace mode has one set of hosts: use --lanes 1 with --netns", "run", "--all", "--lanes", "2",
        "--netns");
    assertError("--random needs --seed N (the seed makes the schedule replayable)", "run", "--random");
    assertError("--seed 'abc' is not a whole number", "run", "--random", "--seed", "abc");
    assertError("--scenario needs a value", "run", "--scenario");
    assertError("unknown option '--fast'", "run", "--fast");
    assertError("soak needs --duration D (e.g. 1h) and --seed N", "soak", "--seed", "1");
    assertError("--duration '1 hour' is not a duration; write e.g. 90s, 10m or 1h", "soak", "--duration", "1 hour",
        "--seed", "1");
    assertError("--duration must be more than zero", "soak", "--duration", "0s", "--seed", "1");
    assertError("--rate must be between 1 and 500, got 0", "run", "--scenario", "zombie", "--rate", "0");
    assertError("--timing 'slow' is not a profile; use fast or hadoop-defaults", "run", "--scenario", "zombie",
        "--timing", "slow");
    assertError("--unsafe-no-fencing is the negative control of a named scenario: use --scenario zombie "
        + "--unsafe-no-fencing", "run", "--random", "--seed", "1", "--unsafe-no-fencing");
  }

  private static void assertError(String message, String... args) {
    assertThatThrownBy(() -> ChaosArgs.parse(args)).isInstanceOf(ChaosArgs.UsageException.class)
        .hasMessage(message);
  }
}
