package io.baton.controller.haadmin;

import static io.baton.controller.haadmin.TestDeployment.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailoverCommandTest {
  private FakeNameNode nn1;
  private FakeNameNode nn2;
  private FakeController c1;
  private FakeController c2;
  private final RecordingFencer fencer = new RecordingFencer();

  @BeforeEach
  void start() throws IOException {
    nn1 = new FakeNameNode().state(HAServiceState.ACTIVE);
    nn2 = new FakeNameNode().state(HAServiceState.STANDBY);
    c1 = new FakeController();
    c2 = new FakeController();
  }

  @AfterEach
  void stop() {
    nn1.close();
    nn2.close();
    c1.close();
    c2.close();
  }

  private Cli cli(boolean automatic) {
    return new Cli(new TestDeployment().nameservice("ns1", automatic, node("nn1", nn1, c1), node("nn2", nn2, c2))
        .build(), fencer);
  }

  // --- automatic failover on: the controller of <to> does it ---

  @Test
  void automaticFailoverAsksTheTargetsController() {
    c2.onGracefulFailover = () -> {
      nn1.state = HAServiceState.STANDBY;
      nn2.state = HAServiceState.ACTIVE;
    };
    Cli.Result r = cli(true).run("-failover", "nn1", "nn2");
    assertThat(r).isEqualTo(new Cli.Result(0, "Failover to NameNode at 127.0.0.1:" + nn2.port() + " successful\n",
        ""));
    assertThat(c2.requests).containsExactly("gracefulFailover");
    assertThat(c1.requests).isEmpty();
    assertThat(fencer.fenced).isEmpty();
  }

  @Test
  void automaticFailoverFailureIsReported() {
    c2.onGracefulFailover = () -> {
      throw FakeController.refuse("nn2 is not currently healthy. Cannot be failed over.");
    };
    Cli.Result r = cli(true).run("-failover", "nn1", "nn2");
    assertThat(r).isEqualTo(new Cli.Result(10, "", "Failover failed: the controller of nn2 (ns1) refused: nn2 is not "
        + "currently healthy. Cannot be failed over.; active now: nn1\n"));
  }

  @Test
  void aFailedFailoverThatLeavesNobodyActiveExits11() {
    c2.onGracefulFailover = () -> {
      nn1.state = HAServiceState.STANDBY;
      throw FakeController.refuse("Failed to become active. claim-epoch failed");
    };
    Cli.Result r = cli(true).run("-failover", "nn1", "nn2");
    assertThat(r.code()).isEqualTo(11);
    assertThat(r.err()).endsWith("Failed to become active. claim-epoch failed; no NameNode is active now\n");
  }

  @Test
  void refusedUpFrontAndAccessDeniedExit7() {
    c2.onGracefulFailover = () -> {
      throw new io.baton.controller.rpc.FailoverRefusedException("nn2: graceful failover refused: automatic "
          + "failover is paused (x, until 2026-01-01T00:02:00Z); run -resume first, or wait until the pause expires");
    };
    Cli.Result r = cli(true).run("-failover", "nn1", "nn2");
    assertThat(r.code()).isEqualTo(7);
    assertThat(r.err()).startsWith("Failover refused, nothing changed: the controller of nn2 (ns1) refused: nn2: "
        + "graceful failover refused: automatic failover is paused");

    c2.onGracefulFailover = () -> {
      throw new org.apache.hadoop.security.AccessControlException("Access denied for user x to gracefulFailover");
    };
    assertThat(cli(true).run("-failover", "nn1", "nn2").code()).isEqualTo(7);
  }

  @Test
  void automaticFailoverSaysWhenFromIsNotTheActive() {
    nn1.state = HAServiceState.STANDBY;
    Cli.Result r = cli(true).run("-failover", "nn1", "nn2");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEqualTo("Note: nn1 is standby, not active; the controller fails over from whichever "
        + "NameNode is active.\n");
  }

  @Test
  void automaticFailoverRejectsForceFlags() {
    assertThat(cli(true).run("-failover", "--forcefence", "nn1", "nn2")).isEqualTo(new Cli.Result(2, "",
        "forcefence and forceactive flags not supported with auto-failover enabled.\n"));
    assertThat(c2.requests).isEmpty();
  }

  @Test
  void automaticFailoverWithTheControllerDown() {
    c2.close();
    Cli.Result r = cli(true).run("-failover", "nn1", "nn2");
    assertThat(r).isEqualTo(new Cli.Result(5, "", "Cannot connect to the controller of nn2 (ns1) at 127.0.0.1:"
        + c2.rpcPort() + ": connection refused (timeout 5s)\n"));
  }

  // --- automatic failover off: haadmin does it ---

  @Test
  void manualFailoverWithAGracefulStandbyFencesNobody() {
    Cli.Result r = cli(false).run("-failover", "nn1", "nn2");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("Failover from nn1 to nn2 successful\n");
    assertThat(r.err()).containsPattern("pre-checks nn2: ok \\(standby, ready and healthy, \\d+ ms\\)\n"
        + "graceful standby nn1: ok \\(standby, \\d+ ms\\)\nactivate nn2: ok \\(active, \\d+ ms\\)\n");
    assertThat(nn1.state).isEqualTo(HAServiceState.STANDBY);
    assertThat(nn2.state).isEqualTo(HAServiceState.ACTIVE);
    assertThat(fencer.fenced).isEmpty();
  }

  @Test
  void forceFenceFencesOnlyTheOldActive() {
    Cli.Result r = cli(false).run("-failover", "--forcefence", "nn1", "nn2");
    assertThat(r.code()).isZero();
    assertThat(fencer.fenced).containsExactly("nn1 (source nn2)");
    assertThat(r.err()).containsPattern("fence nn1: ok \\(fenced nn1 by shell in 5 ms, \\d+ ms\\)");
  }

  @Test
  void aFailedGracefulStandbyIsFollowedByFencing() {
    nn1.refuseStandby = "stuck";
    fencer.onFence = () -> nn1.close();
    Cli.Result r = cli(false).run("--json", "-failover", "nn1", "nn2");
    assertThat(r.code()).isZero();
    assertThat(fencer.fenced).containsExactly("nn1 (source nn2)");
    assertThat(nn2.state).isEqualTo(HAServiceState.ACTIVE);
    assertThat(r.out()).contains("\"step\" : \"graceful standby\"", "\"ok\" : false",
        "\"detail\" : \"NameNode nn1 (ns1) refused: stuck\"", "\"step\" : \"fence\"", "\"method\" : \"shell(/bin/true)\"");
  }

  @Test
  void failedFencingDoesNotActivateTheTarget() {
    nn1.hang = true;
    fencer.succeed = false;
    Cli.Result r = cli(false).run("-failover", "nn1", "nn2");
    assertThat(r.code()).isEqualTo(9);
    assertThat(r.err()).endsWith("Failover failed: Unable to fence NameNode nn1 (ns1) at 127.0.0.1:" + nn1.port()
        + ". Fencing failed: every method failed for nn1. nn2 was not activated.\n");
    assertThat(nn2.state).isEqualTo(HAServiceState.STANDBY);
    assertThat(nn2.calls).doesNotContain("transitionToActive:REQUEST_BY_USER");
  }

  @Test
  void failedActivationFailsBackToTheOldActive() {
    nn2.refuseActivation = "edits could not be loaded";
    Cli.Result r = cli(false).run("-failover", "nn1", "nn2");
    assertThat(r.code()).isEqualTo(10);
    assertThat(r.err()).endsWith("Failover failed: Unable to failover to nn2: NameNode nn2 (ns1) refused: edits "
        + "could not be loaded. Failed back to nn1, which is active again.\n");
    assertThat(nn1.state).isEqualTo(HAServiceState.ACTIVE);
    assertThat(nn2.state).isEqualTo(HAServiceState.STANDBY);
    assertThat(fencer.fenced).isEmpty();
  }

  @Test
  void noFailBackWhenTheTargetDoesNotConfirmStandby() {
    nn2.refuseActivation = "edits could not be loaded";
    nn2.refuseStandby = "busy";
    Cli.Result r = cli(false).run("-failover", "nn1", "nn2");
    assertThat(r.code()).isEqualTo(11);
    assertThat(r.err()).endsWith("Failover failed: Unable to failover to nn2: NameNode nn2 (ns1) refused: edits "
        + "could not be loaded. No fail-back to nn1: nn2 did not confirm standby (NameNode nn2 (ns1) refused: busy),"
        + " and activating nn1 could make two actives. No NameNode is active: check nn2, then run "
        + "-transitionToActive.\n");
    assertThat(nn1.state).isEqualTo(HAServiceState.STANDBY);
    assertThat(fencer.fenced).isEmpty();
  }

  @Test
  void noFailBackAfterFencing() {
    nn2.refuseActivation = "edits could not be loaded";
    Cli.Result r = cli(false).run("-failover", "--forcefence", "nn1", "nn2");
    assertThat(r.code()).isEqualTo(11);
    assertThat(r.err()).endsWith("nn1 was fenced, so there is no fail-back: no NameNode is active. Fix nn2, then "
        + "run -transitionToActive nn2.\n");
  }

  @Test
  void preChecksRefuseAnActiveUnhealthyOrUnreadyTarget() {
    nn2.state = HAServiceState.ACTIVE;
    assertThat(cli(false).run("-failover", "nn1", "nn2")).isEqualTo(new Cli.Result(7, "",
        "Failover failed: Can't failover to an active service\n"));
    nn2.state = HAServiceState.STANDBY;
    nn2.unhealthy = "disk full";
    assertThat(cli(false).run("-failover", "nn1", "nn2")).isEqualTo(new Cli.Result(8, "",
        "Failover failed: Can't failover to an unhealthy service: disk full\n"));
    nn2.unhealthy = null;
    nn2.notReadyReason = "The NameNode is in safemode.";
    assertThat(cli(false).run("-failover", "nn1", "nn2")).isEqualTo(new Cli.Result(7, "",
        "Failover failed: nn2 is not ready to become active: The NameNode is in safemode. (--forceactive skips this "
            + "check)\n"));
    assertThat(nn1.state).isEqualTo(HAServiceState.ACTIVE);
    assertThat(cli(false).run("-failover", "--forceactive", "nn1", "nn2").code()).isZero();
    assertThat(nn2.state).isEqualTo(HAServiceState.ACTIVE);
  }

  @Test
  void misuse() {
    assertThat(cli(false).run("-failover", "nn1")).isEqualTo(new Cli.Result(2, "", "failover: incorrect arguments\n"
        + "Usage: haadmin [-ns <nameserviceId>] [-failover [--forcefence] [--forceactive] <serviceId> <serviceId>]\n"));
    assertThat(cli(false).run("-failover", "nn1", "nn1")).isEqualTo(new Cli.Result(2, "",
        "Failover failed: Can't failover a service to itself\n"));
    assertThat(cli(false).run("-failover", "nn1", "nn7").err()).isEqualTo(
        "Unknown NameNode id 'nn7' in nameservice ns1; valid ids: nn1, nn2\n");
  }
}
