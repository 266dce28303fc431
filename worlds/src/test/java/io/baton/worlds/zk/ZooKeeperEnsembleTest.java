package io.baton.worlds.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.process.Signal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooKeeperEnsembleTest {

  @Test
  void ensembleSurvivesLeaderKillAndStopsServingWithoutQuorum(@TempDir Path dir) throws Exception {
    try (ProcessKit kit = new ProcessKit(dir)) {
      ZooKeeperEnsemble zk = new ZooKeeperEnsemble(kit, 3);
      zk.start(Duration.ofSeconds(60));
      try (CuratorFramework client = CuratorFrameworkFactory.newClient(zk.connectString(), 6000, 3000,
          new RetryNTimes(20, 200))) {
        client.start();
        assertThat(client.blockUntilConnected(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        client.create().forPath("/chaos", "before".getBytes(StandardCharsets.UTF_8));

        int leader = zk.leader().orElseThrow();
        zk.server(leader).killHard(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> zk.leader().filter(l -> l != leader).isPresent());
        client.setData().forPath("/chaos", "after".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(client.getData().forPath("/chaos"), StandardCharsets.UTF_8)).isEqualTo("after");

        // Stop a second server: one of three cannot serve.
        int other = zk.leader().orElseThrow();
        ChildProcess stopped = zk.server(other);
        stopped.signal(Signal.STOP);
        await().atMost(Duration.ofSeconds(20)).until(() -> zk.leader().isEmpty()
            && zk.modes().values().stream().noneMatch(m -> m.equals("follower")));
        stopped.signal(Signal.CONT);
        zk.startServer(leader);
        zk.awaitQuorum(Duration.ofSeconds(30));
        assertThat(new String(client.getData().forPath("/chaos"), StandardCharsets.UTF_8)).isEqualTo("after");
      }
    }
  }
}
