package io.baton.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EpochRepairTest {
  private static final Clock AT = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final ZkPaths paths = new ZkPaths("/hadoop-ha/ns1");
  private TestingServer zk;
  private CuratorFramework client;

  @BeforeEach
  void start() throws Exception {
    zk = new TestingServer(true);
    client = CuratorFrameworkFactory.newClient(zk.getConnectString(), 5000, 5000, new RetryOneTime(100));
    client.start();
    client.create().creatingParentsIfNeeded().forPath(paths.epoch(), bytes("epoch=1 namenode=nn1 at=" + AT.instant()));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    zk.close();
  }

  @Test
  void aReadableEpochIsLeftAlone() throws Exception {
    assertThat(EpochRepair.repair(client, paths, AT)).isEqualTo("nothing to repair: /hadoop-ha/ns1/BatonEpoch holds"
        + " 'epoch=1 namenode=nn1 at=2026-01-01T00:00:00Z'");
    assertThat(text()).isEqualTo("epoch=1 namenode=nn1 at=2026-01-01T00:00:00Z");
  }

  @Test
  void garbageIsRewrittenWithAnEpochNoLowerThanTheLastOneWritten() throws Exception {
    for (int epoch = 2; epoch <= 4; epoch++) { // three promotions after the first
      client.setData().forPath(paths.epoch(), bytes("epoch=" + epoch + " namenode=nn1 at=" + AT.instant()));
    }
    client.setData().forPath(paths.epoch(), bytes("epoch=banana"));
    String said = EpochRepair.repair(client, paths, AT);
    assertThat(said).startsWith("repaired /hadoop-ha/ns1/BatonEpoch: it held 'epoch=banana', now epoch=4 ");
    assertThat(EpochRecord.decode(client.getData().forPath(paths.epoch())).epoch()).isEqualTo(4);
    assertThat(EpochRepair.repair(client, paths, AT)).startsWith("nothing to repair");
  }

  private String text() throws Exception {
    return new String(client.getData().forPath(paths.epoch()), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
