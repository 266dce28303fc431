package io.baton.mock.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.DeploymentConfig;
import io.baton.mock.MockNameNode;
import io.baton.mock.MutableClock;
import io.baton.mock.NameNodeOptions;
import io.baton.mock.TestConf;
import io.baton.mock.client.NameNodeAdminClient;
import io.baton.mock.fault.FaultSpec;
import io.baton.mock.journal.Journal;
import io.baton.mock.journal.JournalStorage;
import io.baton.mock.journal.LocalEditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitBrainDetectorTest {
  @TempDir Path dir;

  @Test
  void seesTwoActivesAndAZombieOverlap() throws Exception {
    DeploymentConfig conf = TestConf.deployment(2, false, Optional.empty(), dir);
    var journal = new LocalEditLog(new Journal("jn", "ns1", new JournalStorage.InMemory(), Clock.systemUTC(), true));
    try (MockNameNode nn1 = start(conf, 0, journal); MockNameNode nn2 = start(conf, 1, journal);
        SplitBrainDetector detector = new SplitBrainDetector(Map.of(
            "nn1", new NameNodeAdminClient(TestConf.local(nn1.httpPort()), Duration.ofSeconds(2)),
            "nn2", new NameNodeAdminClient(TestConf.local(nn2.httpPort()), Duration.ofSeconds(2))),
            Duration.ofMillis(50), Clock.systemUTC())) {
      nn1.state().becomeActive();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> detector.rounds() > 3);
      detector.assertNoReportedSplitBrain();
      nn1.faults().inject(FaultSpec.parse("zombie"));
      nn1.state().becomeStandby(true);
      nn2.state().becomeActive();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !detector.actingOverlaps().isEmpty()
          || nn1.actingState() != org.apache.hadoop.ha.HAServiceProtocol.HAServiceState.ACTIVE);
      assertThat(detector.reportedOverlaps()).isEmpty();
      nn1.faults().clearAll();
      nn1.state().becomeStandby(false);
      nn1.state().becomeActive(); // a second active, as a controller bug would make
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !detector.reportedOverlaps().isEmpty());
      assertThat(detector.reportedOverlaps().get(0)).contains("reported ACTIVE at once for ")
          .contains("[nn1@epoch3, nn2@epoch2]");
      assertThatThrownBy(detector::assertNoReportedSplitBrain).hasMessageStartingWith("split brain: ");
    }
  }

  /**
   * A frozen active that was replaced says ACTIVE when it resumes, with its old epoch, until it is demoted: within
   * the grace that is the storage-fenced window, not a split brain; past the grace it is one.
   */
  @Test
  void aSupersededActiveCountsOnlyWhenItOutlastsTheGrace() throws Exception {
    DeploymentConfig conf = TestConf.deployment(2, false, Optional.empty(), dir);
    var journal = new LocalEditLog(new Journal("jn", "ns1", new JournalStorage.InMemory(), Clock.systemUTC(), true));
    MutableClock clock = new MutableClock();
    try (MockNameNode nn1 = start(conf, 0, journal); MockNameNode nn2 = start(conf, 1, journal);
        SplitBrainDetector detector = new SplitBrainDetector(Map.of(
            "nn1", new NameNodeAdminClient(TestConf.local(nn1.httpPort()), Duration.ofSeconds(2)),
            "nn2", new NameNodeAdminClient(TestConf.local(nn2.httpPort()), Duration.ofSeconds(2))),
            Duration.ofHours(1), clock)) {
      nn1.state().becomeActive();
      nn2.state().becomeActive(); // nn1 was not told: it still says ACTIVE, at the older epoch
      detector.pollOnce();
      clock.advance(SplitBrainDetector.SUPERSEDED_GRACE.minusMillis(1));
      detector.pollOnce();
      assertThat(detector.reportedOverlaps()).isEmpty();
      clock.advance(Duration.ofMillis(1)); // negative control: the same overlap, now as long as the grace
      detector.pollOnce();
      assertThat(detector.reportedOverlaps()).singleElement().asString()
          .contains("reported ACTIVE at once for 2000 ms: [nn1@epoch1, nn2@epoch2]");
    }
  }

  private static MockNameNode start(DeploymentConfig conf, int i, LocalEditLog journal) throws Exception {
    return MockNameNode.start(new NameNodeOptions(conf.nameservices().get(0).namenodes().get(i), false, journal,
        List.of(), Duration.ofMillis(1000), () -> { }, conf.hadoopProperties()));
  }
}
