package io.baton.worlds.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real NameNodes, the third an observer ({@code -observer}) with a Baton controller beside it too: the
 * observer is never promoted and never demoted by us, also when the active is killed.
 */
class ObserverIT {
  @TempDir Path dir;
  private HadoopWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Timeout(240)
  void theObserverStaysAnObserverThroughAFailover() throws Exception {
    world = HadoopWorld.start(HadoopWorldSpec.pair(dir, ControllerKind.BATON).withJournalNodes(1)
        .withObserver(ControllerKind.BATON));
    String active = world.awaitSingleActive(Duration.ofSeconds(60));
    assertThat(active).isIn("nn1", "nn2");
    String other = active.equals("nn1") ? "nn2" : "nn1";
    world.awaitBatonReady(other, Duration.ofSeconds(60));
    assertThat(world.states()).containsEntry("nn3", "observer");
    assertThat(world.haadmin("nn3", "-getServiceState", "nn3").orThrow().output()).contains("observer");

    Instant killed = Instant.now();
    world.killNameNode(active);
    Set<String> nn3States = new HashSet<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!world.probe().isActive(world.ports().namenode(other).http()).orElse(false)) {
      assertThat(Instant.now()).as("%s active within 30 s (states %s)", other, world.states()).isBefore(deadline);
      nn3States.add(world.probe().status(world.ports().namenode("nn3").http()).map(NameNodeProbe.Status::state)
          .orElse("down"));
    }
    System.out.printf("hadoop world: kill -9 of %s -> %s active in %d ms beside an observer%n", active, other,
        Duration.between(killed, Instant.now()).toMillis());
    // The observer's state during the failover and a few checks after it.
    for (int i = 0; i < 10; i++) {
      nn3States.add(world.states().get("nn3"));
    }
    assertThat(nn3States).containsOnly("observer");
    world.fs("-touchz", "/observer-" + UUID.randomUUID()).orThrow();
    assertThat(world.activeNameNodes()).containsExactly(other);
  }
}
