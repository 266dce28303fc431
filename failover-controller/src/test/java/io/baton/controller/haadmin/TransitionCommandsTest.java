package io.baton.controller.haadmin;

import static io.baton.controller.haadmin.TestDeployment.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransitionCommandsTest {
  private static final String AUTO_REFUSAL = "Automatic failover is enabled for NameNode nn2 (ns1) at 127.0.0.1:%d\n"
      + "Refusing to manually manage HA state, since it may cause\n"
      + "a split-brain scenario or other incorrect state.\n"
      + "If you are very sure you know what you are doing, please \n"
      + "specify the --forcemanual flag.\n";

  private FakeNameNode nn1;
  private FakeNameNode nn2;

  @BeforeEach
  void start() throws IOException {
    nn1 = new FakeNameNode().state(HAServiceState.STANDBY);
    nn2 = new FakeNameNode().state(HAServiceState.STANDBY);
  }

  @AfterEach
  void stop() {
    nn1.close();
    nn2.close();
  }

  private Cli cli(boolean automatic) {
    return new Cli(new TestDeployment().nameservice("ns1", automatic, node("nn1", nn1), node("nn2", nn2)).build(),
        new RecordingFencer());
  }

  @Test
  void transitionToActiveChecksTheOthersThenActivates() {
    assertThat(cli(false).run("-transitionToActive", "nn2")).isEqualTo(new Cli.Result(0, "", ""));
    assertThat(nn2.state).isEqualTo(HAServiceState.ACTIVE);
    assertThat(nn1.calls).containsExactly("getServiceStatus");
    assertThat(nn2.calls).containsExactly("transitionToActive:REQUEST_BY_USER");
  }

  @Test
  void transitionToActiveRefusesWhileAnotherIsActive() {
    nn1.state = HAServiceState.ACTIVE;
    assertThat(cli(false).run("-transitionToActive", "nn2")).isEqualTo(new Cli.Result(7, "",
        "transitionToActive: Node nn1 is already active\nMake it standby first, or use -failover nn1 nn2.\n"));
    assertThat(nn2.state).isEqualTo(HAServiceState.STANDBY);
    assertThat(cli(false).run("-transitionToActive", "--forceactive", "nn2").code()).isZero();
    assertThat(nn1.calls).containsExactly("getServiceStatus");
  }

  @Test
  void transitionToActiveRefusesWhenAnotherCannotBeAsked() {
    nn1.close();
    Cli.Result r = cli(false).run("-transitionToActive", "nn2");
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.err()).isEqualTo("transitionToActive: cannot tell whether nn1 is active, so nn2 was not activated:"
        + " Cannot connect to NameNode nn1 (ns1) at 127.0.0.1:" + nn1.port() + ": connection refused (timeout 2s)\n"
        + "If nn1 is certainly not active, add --forceactive.\n");
    assertThat(nn2.calls).isEmpty();
  }

  @Test
  void automaticFailoverRefusesUnforcedManualControl() {
    Cli.Result r = cli(true).run("-transitionToStandby", "nn2");
    assertThat(r).isEqualTo(new Cli.Result(12, "", String.format(AUTO_REFUSAL, nn2.port())));
    assertThat(cli(true).run("-transitionToActive", "nn2").code()).isEqualTo(12);
    assertThat(cli(true).run("-transitionToObserver", "nn2").code()).isEqualTo(12);
    assertThat(nn2.calls).isEmpty();
  }

  @Test
  void forceManualAsksAndSendsAForcedRequest() {
    nn2.automaticFailover = true;
    Cli.Result r = cli(true).stdin("y\n").run("-transitionToActive", "--forcemanual", "nn2");
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("You have specified the --forcemanual flag. This flag is dangerous")
        .endsWith("Are you sure you want to continue? (Y or N) Warning: proceeding with manual HA state management"
            + " of nn2 although automatic failover is enabled\n");
    assertThat(nn2.calls).containsExactly("transitionToActive:REQUEST_BY_USER_FORCED");
    assertThat(nn2.state).isEqualTo(HAServiceState.ACTIVE);
  }

  @Test
  void forceManualWithYesDoesNotAsk() {
    nn2.state = HAServiceState.ACTIVE;
    Cli.Result r = cli(true).run("-transitionToStandby", "--forcemanual", "--yes", "nn2");
    assertThat(r).isEqualTo(new Cli.Result(0, "", "Warning: proceeding with manual HA state management of nn2 "
        + "although automatic failover is enabled\n"));
    assertThat(nn2.calls).containsExactly("transitionToStandby:REQUEST_BY_USER_FORCED");
  }

  @Test
  void forceManualDeclinedOrWithoutAnswerAborts() {
    Cli.Result no = cli(true).stdin("maybe\nn\n").run("-transitionToActive", "--forcemanual", "nn2");
    assertThat(no.code()).isEqualTo(13);
    assertThat(no.err()).contains("(Y or N) Invalid input: maybe\n").endsWith("(Y or N) Aborted\n");
    Cli.Result eof = cli(true).run("-transitionToActive", "--forcemanual", "nn2");
    assertThat(eof.code()).isEqualTo(13);
    assertThat(eof.err()).endsWith("(Y or N) \nAborted: no answer (end of input); to confirm without the prompt, "
        + "add --yes\n");
    assertThat(nn1.calls).isEmpty();
    assertThat(nn2.calls).isEmpty();
  }

  @Test
  void nameNodeRefusalIsReported() {
    nn2.state = HAServiceState.OBSERVER;
    Cli.Result r = cli(false).run("-transitionToActive", "nn2");
    assertThat(r).isEqualTo(new Cli.Result(7, "",
        "NameNode nn2 (ns1) refused: Cannot transition from observer to active\n"));
    nn2.state = HAServiceState.ACTIVE;
    assertThat(cli(false).run("-transitionToObserver", "nn2")).isEqualTo(new Cli.Result(7, "",
        "transitionToObserver failed! NameNode nn2 (ns1) refused: Cannot transition from active to observer\n"));
  }

  @Test
  void nameNodeAccessDenialIsReported() {
    nn2.automaticFailover = true;
    assertThat(cli(false).run("-transitionToStandby", "nn2")).isEqualTo(new Cli.Result(7, "",
        "NameNode nn2 (ns1) denied access: Manual HA control for this NameNode is disallowed, because automatic HA "
            + "is enabled.\n"));
  }

  @Test
  void transitionsToStandbyAndObserver() {
    nn2.state = HAServiceState.ACTIVE;
    assertThat(cli(false).run("-transitionToStandby", "nn2").code()).isZero();
    assertThat(nn2.state).isEqualTo(HAServiceState.STANDBY);
    assertThat(cli(false).run("--json", "-transitionToObserver", "nn2").out()).contains("\"status\" : \"OK\"",
        "\"requestSource\" : \"REQUEST_BY_USER\"");
    assertThat(nn2.state).isEqualTo(HAServiceState.OBSERVER);
  }

  @Test
  void aHungTransitionTimesOut() {
    nn2.hang = true;
    long start = System.nanoTime();
    Cli.Result r = cli(false).run("-transitionToStandby", "nn2");
    assertThat(r).isEqualTo(new Cli.Result(6, "", "NameNode nn2 (ns1) at 127.0.0.1:" + nn2.port()
        + " did not answer within 3s\n"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void unknownOptionIsAUsageErrorOfThatCommand() {
    assertThat(cli(false).run("-transitionToStandby", "--forceactive", "nn2")).isEqualTo(new Cli.Result(2, "",
        "transitionToStandby: incorrect arguments (unknown option --forceactive)\n"
            + "Usage: haadmin [-ns <nameserviceId>] [-transitionToStandby <serviceId>]\n"));
  }
}
