package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long {@code journal} takes on three real JournalNodes: 50 fences after 5 untimed warm-up ones, p50/p99 of the
 * chain's duration. Not in the default test run (the name does not end in Test):
 * {@code mvn -o -pl fencing -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=JournalFenceBench test}.
 */
class JournalFenceBench {
  private static final int WARM_UP = 5;
  private static final int TRIALS = 50;

  @TempDir Path dir;

  @Test
  void fenceTimesOnRealJournalNodes() throws Exception {
    NamespaceInfo namespace = new NamespaceInfo(4243, "CID-bench", "BP-bench", 0L);
    try (RealJournalNodes jns = RealJournalNodes.start(dir, 3);
        VersionRequestServer nn2 = new VersionRequestServer(namespace)) {
      jns.format("bench", "ns1", namespace);
      TestDeployment t = TestDeployment.with("journal").withJournal(jns.addresses(), "bench")
          .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20));
      t.nn2Port = nn2.address().port();
      FencingChain chain = t.chain();
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < WARM_UP + TRIALS; i++) {
        FencingReport r = chain.fence(FenceRequest.of(t.nn1()));
        assertThat(r.fenced()).as(r.summary()).isTrue();
        if (i >= WARM_UP) {
          millis.add(r.took().toMillis());
        }
      }
      Collections.sort(millis);
      System.out.printf("journal fence on 3 real JournalNodes, %d trials: p50 %d ms, p99 %d ms, min %d, max %d%n",
          TRIALS, millis.get(TRIALS / 2), millis.get((int) Math.ceil(TRIALS * 0.99) - 1), millis.get(0),
          millis.get(TRIALS - 1));
      assertThat(jns.promisedEpochs("bench", "ns1")).allMatch(e -> e >= WARM_UP + TRIALS - 1);
    }
  }
}
