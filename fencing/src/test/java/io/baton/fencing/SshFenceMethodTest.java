package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sshfence against a real OpenSSH sshd on 127.0.0.1: it kills a real listener and sees the port closed, and
 * every way it can fail is FAILED or UNREACHABLE with a clear reason. Needs openssh-server, psmisc and
 * netcat-openbsd; fails (does not skip) without them.
 */
class SshFenceMethodTest {
  private static final String USER = System.getProperty("user.name");
  @TempDir static Path dir;
  private static Sshd sshd;
  private Victim victim;

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = Sshd.start(dir.resolve("sshd"), Optional.empty());
  }

  @AfterAll
  static void stopSshd() {
    if (sshd != null) {
      sshd.close();
    }
  }

  @BeforeEach
  void startVictim() throws Exception {
    victim = Victim.start();
  }

  @AfterEach
  void stopVictim() throws Exception {
    victim.close();
  }

  private TestDeployment deployment(Sshd server) {
    TestDeployment t = TestDeployment.with("sshfence(" + USER + ":" + server.port + ")")
        .timeouts(Duration.ofSeconds(8), Duration.ofSeconds(15));
    t.nn1Port = victim.port;
    t.keys = List.of(server.clientKey);
    t.knownHosts = Optional.of(server.knownHosts);
    t.sshConnectTimeout = Duration.ofSeconds(3);
    return t;
  }

  private static FenceAttempt fence(TestDeployment t) throws Exception {
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));
    assertThat(report.attempts()).hasSize(1);
    return report.attempts().get(0);
  }

  @Test
  void killsTheProcessListeningOnTheNameNodePortAndSeesThePortClosed() throws Exception {
    TestDeployment t = deployment(sshd);
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));

    assertThat(report.fenced()).isTrue();
    FenceAttempt a = report.winner().orElseThrow();
    assertThat(a.reason()).isEqualTo("killed the process listening on port " + victim.port + "; port closed on"
        + " 127.0.0.1 and from here (refused)");
    await().atMost(Duration.ofSeconds(5)).until(() -> !victim.process.isAlive());
    assertThat(Sshd.accepts(victim.port)).isFalse();
    assertThat(a.duration()).isLessThan(Duration.ofSeconds(5));
    assertThat(report.summary()).matches("fenced nn1 by sshfence in \\d+ ms");
  }

  @Test
  void aPortThatIsAlreadyClosedCountsAsFenced() throws Exception {
    victim.close();
    FenceAttempt a = fence(deployment(sshd));
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FENCED);
    assertThat(a.reason()).isEqualTo("fuser found no process on port " + victim.port + "; port closed on"
        + " 127.0.0.1 and from here (refused)");
  }

  @Test
  void authenticationFailure() throws Exception {
    TestDeployment t = deployment(sshd);
    Path stranger = Sshd.keygen(dir.resolve("stranger-" + System.nanoTime()));
    t.keys = List.of(stranger);
    FenceAttempt a = fence(t);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(a.reason()).isEqualTo("authentication as " + USER + "@127.0.0.1:" + sshd.port + " failed with key(s) ["
        + stranger + "]: add the public key to the user's authorized_keys on 127.0.0.1");
    assertThat(victim.process.isAlive()).isTrue();
  }

  @Test
  void unknownHostKeyIsRefused() throws Exception {
    TestDeployment t = deployment(sshd);
    Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
    t.knownHosts = Optional.of(empty);
    FenceAttempt a = fence(t);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(a.reason()).isEqualTo("unknown host key: [127.0.0.1]:" + sshd.port + " is not in " + empty
        + "; add it after checking the fingerprint: ssh-keyscan -p " + sshd.port + " 127.0.0.1 >> " + empty);

    Path missing = dir.resolve("no_such_known_hosts");
    t.knownHosts = Optional.of(missing);
    assertThat(fence(t).reason()).isEqualTo("unknown host key: [127.0.0.1]:" + sshd.port + " is not in " + missing
        + " (the file does not exist); add it after checking the fingerprint: ssh-keyscan -p " + sshd.port
        + " 127.0.0.1 >> " + missing);
    assertThat(Files.exists(missing)).as("nothing accepted on first use").isFalse();
    assertThat(Files.readString(empty)).isEmpty();
    assertThat(victim.process.isAlive()).isTrue();
  }

  @Test
  void changedHostKeyIsRefused() throws Exception {
    TestDeployment t = deployment(sshd);
    Path other = Sshd.keygen(dir.resolve("other-host-" + System.nanoTime()));
    Path changed = Files.writeString(dir.resolve("changed_known_hosts"),
        "[127.0.0.1]:" + sshd.port + " " + Sshd.publicKey(Path.of(other + ".pub")) + "\n");
    t.knownHosts = Optional.of(changed);
    FenceAttempt a = fence(t);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(a.reason()).isEqualTo("HOST KEY CHANGED: [127.0.0.1]:" + sshd.port + " offered a key that differs"
        + " from the one in " + changed + "; refusing to connect (a man in the middle, or a reinstalled host: if you"
        + " have verified the new key, replace the entry with ssh-keygen -R '[127.0.0.1]:" + sshd.port + "' -f "
        + changed + " and ssh-keyscan)");
    assertThat(victim.process.isAlive()).isTrue();
  }

  @Test
  void aSilentHostIsUnreachableWithinTheConnectTimeout() throws Exception {
    // accepts TCP (kernel backlog) but never speaks SSH: like a frozen or cut-off host
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      TestDeployment t = deployment(sshd);
      t.methods = "sshfence(" + USER + ":" + silent.getLocalPort() + ")";
      t.sshConnectTimeout = Duration.ofSeconds(1);
      FenceAttempt a = fence(t);
      assertThat(a.outcome()).isEqualTo(FenceOutcome.UNREACHABLE);
      assertThat(a.reason()).isEqualTo("no answer from 127.0.0.1:" + silent.getLocalPort()
          + " within 1000 ms (connect timeout)");
      assertThat(a.duration()).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    }
  }

  @Test
  void noSshdIsUnreachable() throws Exception {
    int closed = Sshd.freePort();
    TestDeployment t = deployment(sshd);
    t.methods = "sshfence(" + USER + ":" + closed + ")";
    FenceAttempt a = fence(t);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.UNREACHABLE);
    assertThat(a.reason()).startsWith("connection to 127.0.0.1:" + closed + " refused: no sshd listening (");
  }

  @Test
  void missingFuserFails() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-bin"));
    try (Sshd noFuser = Sshd.start(dir.resolve("sshd-no-fuser"),
        Optional.of("env PATH=" + empty + " /bin/sh -c \"$SSH_ORIGINAL_COMMAND\""))) {
      TestDeployment t = deployment(noFuser);
      FenceAttempt a = fence(t);
      assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
      assertThat(a.reason()).isEqualTo("fuser not found on 127.0.0.1: install psmisc there");
      assertThat(victim.process.isAlive()).isTrue();

      DrillResult drill = t.chain().drill().results().get(0);
      assertThat(drill.passed()).isFalse();
      assertThat(drill.detail()).isEqualTo("ssh to " + USER + "@127.0.0.1:" + noFuser.port + " works, but fuser is"
          + " not on 127.0.0.1: install psmisc there");
    }
  }

  @Test
  void aPortStillOpenAfterTheKillFails() throws Exception {
    Path fake = Files.createDirectories(dir.resolve("fake-bin"));
    Path fuser = Files.writeString(fake.resolve("fuser"), "#!/bin/sh\n# claims success, kills nothing\nexit 0\n");
    assertThat(fuser.toFile().setExecutable(true)).isTrue();
    try (Sshd lying = Sshd.start(dir.resolve("sshd-fake-fuser"),
        Optional.of("env PATH=" + fake + ":/usr/bin:/bin /bin/sh -c \"$SSH_ORIGINAL_COMMAND\""))) {
      TestDeployment t = deployment(lying).timeouts(Duration.ofSeconds(4), Duration.ofSeconds(8));
      FenceAttempt a = fence(t);
      assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
      assertThat(a.reason()).matches("killed the process listening on port " + victim.port + ", but port 127.0.0.1:"
          + victim.port + " is still open \\(on host: open-fuser, from here: open, \\d+ checks\\)");
      assertThat(a.duration()).isLessThan(Duration.ofSeconds(4));
      assertThat(victim.process.isAlive()).isTrue();
    }
  }

  @Test
  void drillConnectsAuthenticatesAndFindsFuserWithoutKilling() throws Exception {
    DrillReport drill = deployment(sshd).chain().drill();
    assertThat(drill.allPassed()).isTrue();
    assertThat(drill.results().get(0).detail()).matches("ssh to " + USER + "@127.0.0.1:" + sshd.port + " works \\(host"
        + " key known, key accepted\\); found /\\S*fuser and /\\S*nc");
    assertThat(victim.process.isAlive()).isTrue();
  }

  @Test
  void drillReportsAnUnknownHostKey() throws Exception {
    TestDeployment t = deployment(sshd);
    t.knownHosts = Optional.of(dir.resolve("nothing_here"));
    DrillResult r = t.chain().drill().results().get(0);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).startsWith("unknown host key: [127.0.0.1]:" + sshd.port);
  }
}
