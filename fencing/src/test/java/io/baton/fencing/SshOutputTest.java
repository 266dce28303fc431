package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What sshfence keeps of the remote output: not its markers, and fuser's /proc noise only as a count. */
class SshOutputTest {
  @Test
  void markersAndFuserNoiseAreLeftOut() {
    FenceLog log = new FenceLog("ns1.nn2", "sshfence", "ns1.nn1");
    SshFenceMethod.log(new SshConnection.Exec(0,
        List.of(" 4242", "", "baton-fuser=0", "baton-port=closed"),
        List.of("                     USER        PID ACCESS COMMAND",
            "Cannot stat file /proc/1/fd/0: Permission denied",
            "Cannot stat file /proc/1/fd/1: Permission denied",
            "8020/tcp:            hdfs       4242 F.... java")), log);
    assertThat(log.head()).containsExactly(" 4242",
        "stderr:                      USER        PID ACCESS COMMAND",
        "stderr: 8020/tcp:            hdfs       4242 F.... java",
        "(2 'Cannot stat file /proc/...: Permission denied' lines from fuser omitted)");
  }
}
