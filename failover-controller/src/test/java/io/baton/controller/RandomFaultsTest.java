package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.InProcessCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded random faults against three controllers (Hadoop's stress test in spirit): health flips, NameNode
 * crashes and restarts, ZooKeeper session expiries, hangs. The split-brain detector must never fire, and once
 * everything is healed exactly one NameNode must be active again.
 */
class RandomFaultsTest {
  private static final Logger log = LoggerFactory.getLogger(RandomFaultsTest.class);
  private static final long SEED = Long.getLong("baton.test.seed", 20261125L);
  private static final int STEPS = 40;
  private InProcessCluster c;

  @BeforeEach
  void start() throws Exception {
    c = new InProcessCluster("nn1", "nn2", "nn3");
  }

  @AfterEach
  void stop() throws Exception {
    c.close();
  }

  @Test
  void noSplitBrainUnderRandomFaultsAndOneActiveAfterHealing() throws Exception {
    c.startAll();
    Random random = new Random(SEED);
    List<String> ids = List.of("nn1", "nn2", "nn3");
    List<String> crashed = new ArrayList<>();
    for (int step = 0; step < STEPS; step++) {
      String id = ids.get(random.nextInt(ids.size()));
      FakeNameNode nn = c.nn(id);
      int action = random.nextInt(5);
      switch (action) {
        case 0 -> nn.healthy = !nn.healthy;
        case 1 -> {
          if (crashed.remove(id)) {
            nn.start();
          } else {
            nn.crash();
            crashed.add(id);
          }
        }
        case 2 -> c.zkClients.get(id).getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
        case 3 -> {
          nn.hang();
          pause(Duration.ofMillis(300 + random.nextInt(1200)));
          nn.unhang();
        }
        default -> nn.healthy = true;
      }
      log.info("step {} (seed {}): action {} on {}; active now {}", step, SEED, action, id, c.detector.active());
      assertThat(c.detector.violations()).as("split brain at step %d (seed %d)", step, SEED).isEmpty();
      pause(Duration.ofMillis(50 + random.nextInt(400)));
    }
    for (String id : crashed) {
      c.nn(id).start();
    }
    ids.forEach(id -> c.nn(id).healthy = true);
    String active = c.awaitSingleActive();
    log.info("healed: {} is the single active; {} activations in all", active, c.detector.activations());
    assertThat(c.detector.violations()).isEmpty();
  }

  /** Lets the cluster run for a while (Awaitility's poll delay, not a bare sleep). */
  private static void pause(Duration d) {
    await().pollDelay(d).atMost(d.plusSeconds(1)).until(() -> true);
  }
}
