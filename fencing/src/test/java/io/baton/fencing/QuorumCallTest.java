package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.HostPort;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.ipc.RemoteException;
import org.junit.jupiter.api.Test;

/** Majority early stop, every node's answer kept in order, and the deadline. */
class QuorumCallTest {
  private static final HostPort A = new HostPort("10.0.0.1", 8485);
  private static final HostPort B = new HostPort("10.0.0.2", 8485);
  private static final HostPort C = new HostPort("10.0.0.3", 8485);

  @Test
  void returnsAtTheMajorityWithoutWaitingForAHangingNode() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    long t0 = System.nanoTime();
    QuorumCall.Result<String> r = QuorumCall.run(List.of(A, B, C), 2, Deadline.after(Duration.ofSeconds(20),
        Clock.systemUTC()), node -> {
          if (node.equals(A)) {
            never.await(); // interrupted when no longer waited for
          }
          return "ok " + node.host();
        });
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(r.succeeded()).isEqualTo(2);
    assertThat(r.values()).containsExactly("ok 10.0.0.2", "ok 10.0.0.3");
    assertThat(r).hasToString("10.0.0.1:8485 not waited for (a majority had answered); 10.0.0.2:8485 answered;"
        + " 10.0.0.3:8485 answered");
  }

  @Test
  void refusalsAndUnreachableNodesAreToldApartAndTheDeadlineHolds() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    QuorumCall.Result<String> r = QuorumCall.run(List.of(A, B, C), 2, Deadline.after(Duration.ofMillis(500),
        Clock.systemUTC()), node -> {
          if (node.equals(A)) {
            throw new RemoteException("org.apache.hadoop.hdfs.qjournal.protocol.JournalNotFormattedException",
                "Journal x not formatted\nsecond line");
          }
          if (node.equals(B)) {
            throw new IOException("wrapped", new ConnectException("Connection refused"));
          }
          never.await();
          return "never";
        });
    assertThat(r.succeeded()).isZero();
    assertThat(r.anyRefused()).isTrue();
    assertThat(r.replies().get(0).failure().orElseThrow())
        .hasToString("10.0.0.1:8485 JournalNotFormattedException: Journal x not formatted");
    assertThat(r.replies().get(1).failure().orElseThrow().refused()).isFalse();
    assertThat(r.replies().get(1).failure().orElseThrow()).hasToString("10.0.0.2:8485 connection refused");
    assertThat(r.replies().get(2).failure().orElseThrow().cause()).matches("no answer within \\d+ ms");
  }
}
