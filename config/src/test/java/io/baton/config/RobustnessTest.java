package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Odd but parseable input gives ordinary problems, never an internal error. */
class RobustnessTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
      "nameservices: { ns1: { namenodes: { nn1: 5 } } }",
      "nameservices: { ns1: null }",
      "nameservices: [ns1, ns2]",
      "nameservices: { ns1: { namenodes: [nn1, nn2] } }",
      "hadoop: 5",
      "hadoop: { a: [1] }",
      "controller: { tls: 5 }",
      "controller: { tls: { keystore: [a] } }",
      "fencing: { methods: { a: b } }",
      "fencing: { ssh-private-key-files: [[a]] }",
      "nameservices: { \"bad id\": { namenodes: { nn1: {} } } }",
      "zookeeper: &z { quorum: \"127.0.0.1:1\" }\nhealth-monitor: *z",
      "failover: { retry-backoff: 99999999999d }",
      "health-monitor: { rpc-connect-max-retries: 99999999999999999999 }",
      "journalnode: { edits-dir: \"\\u0000\" }",
      "---\na: 1\n---\nb: 2",
      "just a string",
      "~",
      ""
  })
  void noInternalError(String yaml) {
    LoadReport r = ConfFixture.valid(dir).yaml(yaml).inspect();
    assertThat(r.problems()).extracting(ConfigProblem::key).doesNotContain("baton");
  }
}
