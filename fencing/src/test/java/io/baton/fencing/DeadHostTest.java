package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The honest alternative to shell(/bin/true): a dead host is UNREACHABLE, and the journal fences its storage. */
class DeadHostTest {
  @TempDir Path dir;

  @Test
  void sshfenceToASilentHostIsUnreachableAndJournalFencesTheStorage() throws Exception {
    try (ServerSocket silentHost = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        JournalStub jn1 = new JournalStub(JournalStub.Mode.ACCEPT);
        JournalStub jn2 = new JournalStub(JournalStub.Mode.ACCEPT);
        JournalStub jn3 = new JournalStub(JournalStub.Mode.HANG)) {
      TestDeployment t = TestDeployment.with("sshfence(hdfs:" + silentHost.getLocalPort() + ")\njournal")
          .withJournal(List.of(jn1.address(), jn2.address(), jn3.address()))
          .timeouts(Duration.ofSeconds(8), Duration.ofSeconds(12));
      t.sshConnectTimeout = Duration.ofSeconds(1);
      t.keys = List.of(Sshd.keygen(dir.resolve("id_ed25519")));

      FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));

      assertThat(report.fenced()).isTrue();
      assertThat(report.attempts()).extracting(FenceAttempt::method, FenceAttempt::outcome).containsExactly(
          org.assertj.core.groups.Tuple.tuple("sshfence", FenceOutcome.UNREACHABLE),
          org.assertj.core.groups.Tuple.tuple("journal", FenceOutcome.FENCED));
      FenceAttempt ssh = report.attempts().get(0);
      assertThat(ssh.reason()).isEqualTo("no answer from 127.0.0.1:" + silentHost.getLocalPort()
          + " within 1000 ms (connect timeout)");
      assertThat(ssh.duration()).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
      assertThat(report.summary()).matches("fenced nn1 by journal in \\d+ ms");
      // the hanging third journal node was not waited for (that would take the 8 s method timeout)
      assertThat(report.took()).isLessThan(Duration.ofSeconds(7));
      assertThat(jn1.requests).singleElement().asString().startsWith("POST /journal/ns1/fence");
    }
  }
}
