package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The load-time warning about fence methods that always succeed, worded by the kind of shared edits. */
class AlwaysSucceedsTest {
  @Test
  void noOpCommandsAreNamedWithTheRiskOfTheStorageKind() {
    for (String noOp : new String[] {"/bin/true", "true", " exit 0 ", ":", "/usr/bin/true", "exit"}) {
      assertThat(AlwaysSucceeds.warning(noOp, "ns1", true)).as(noOp).get().asString()
          .contains("always succeeds").contains("quorum journal refuses an old writer's epoch")
          .contains("Put journal before it");
      assertThat(AlwaysSucceeds.warning(noOp, "ns1", false)).as(noOp).get().asString()
          .contains("NOT safe without qjournal:// shared edits");
    }
  }

  @Test
  void commandsThatDoSomethingAreNotWarnedAbout() {
    for (String real : new String[] {"/usr/local/bin/stonith nn1", "true && ipmitool power off", "exit 1", "truex"}) {
      assertThat(AlwaysSucceeds.warning(real, "ns1", false)).as(real).isEmpty();
    }
  }
}
