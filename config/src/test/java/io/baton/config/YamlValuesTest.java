package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** baton.yaml keys and value types; the base fixture's baton.yaml takes lines 1-5. */
class YamlValuesTest {
  @TempDir Path dir;

  private ConfFixture conf(String yaml) {
    return ConfFixture.valid(dir).moreYaml(yaml);
  }

  @Test
  void unknownTopLevelKeySuggestsClosest() {
    assertThat(conf("zookeper:\n  quorum: 127.0.0.1:2181\n").problems()).containsExactly(
        "baton.yaml:6: zookeper: unknown key (did you mean 'zookeeper'?). Fix: rename or remove it; valid keys at the"
            + " top level: nameservices, controller, fencing, zookeeper, health-monitor, failover, journalnode, hadoop");
  }

  @Test
  void unknownNestedKeySuggestsFullPath() {
    assertThat(conf("zookeeper:\n  quorm: 127.0.0.1:2181\n").problems()).containsExactly(
        "baton.yaml:7: zookeeper.quorm: unknown key (did you mean 'zookeeper.quorum'?). Fix: rename or remove it;"
            + " valid keys under zookeeper: quorum, session-timeout, parent-znode, acl, auth, ssl");
  }

  @Test
  void unknownNameNodeKey() {
    ConfFixture f = ConfFixture.valid(dir).yaml("""
        nameservices:
          ns1:
            namenodes:
              nn1: { admin-port: 18090, rpc-adress: "127.0.0.1:1" }
              nn2: { admin-port: 18190 }
        """);
    assertThat(f.problems()).containsExactly("baton.yaml:4: nameservices.ns1.namenodes.nn1.rpc-adress: unknown key"
        + " (did you mean 'nameservices.ns1.namenodes.nn1.rpc-address'?). Fix: rename or remove it; valid keys under"
        + " nameservices.ns1.namenodes.nn1: rpc-address, service-rpc-address, lifeline-rpc-address, http-address,"
        + " controller-port, admin-port, fencing");
  }

  @Test
  void sectionThatIsNotAMapping() {
    assertThat(conf("health-monitor: 5\n").problems()).containsExactly(
        "baton.yaml:6: health-monitor: expected a mapping, got the number 5. Fix: write the keys of health-monitor"
            + " indented below it");
  }

  @Test
  void bareNumberDurationAsksForAUnit() {
    assertThat(conf("zookeeper: { session-timeout: 10 }\n").problems()).containsExactly(
        "baton.yaml:6: zookeeper.session-timeout: '10' has no unit. Fix: write a whole number with a unit: 500ms, 10s,"
            + " 1m, 2h or 1d");
  }

  @Test
  void unparseableDuration() {
    assertThat(conf("failover: { retry-backoff: ten seconds }\n").problems()).containsExactly(
        "baton.yaml:6: failover.retry-backoff: 'ten seconds' is not a duration. Fix: write a whole number with a unit:"
            + " 500ms, 10s, 1m, 2h or 1d");
  }

  @Test
  void negativeAndZeroDurations() {
    assertThat(conf("""
        health-monitor:
          rpc-timeout: -5s
          check-interval: 0ms
        controller:
          failback-delay: 0s
          anti-flapping-window: -1m
        """).problems()).containsExactly(
        "baton.yaml:8: health-monitor.check-interval: must be positive, got 0ms. Fix: use a duration above zero, such"
            + " as 1s",
        "baton.yaml:7: health-monitor.rpc-timeout: must be positive, got -5s. Fix: use a duration above zero, such as"
            + " 45s",
        "baton.yaml:11: controller.anti-flapping-window: must not be negative, got -1m. Fix: use 0s to turn it off, or"
            + " a positive duration such as 30s");
  }

  @Test
  void zeroTurnsOptionalTimersOff() {
    DeploymentConfig c = conf("controller: { failback-delay: 0s, fencing-drill-interval: 0s }\n").load();
    assertThat(c.controller().failbackDelay()).isZero();
    assertThat(c.controller().fencingDrillInterval()).isZero();
  }

  @Test
  void wrongTypes() {
    assertThat(conf("""
        controller:
          metrics: "yes"
          admin-port: 80a
        failover:
          zk-op-retries: 2.5
        zookeeper:
          quorum: [a, b]
        """).problems()).containsExactlyInAnyOrder(
        "baton.yaml:10: failover.zk-op-retries: '2.5' is not a whole number. Fix: write digits only, e.g. 3",
        "baton.yaml:7: controller.metrics: 'yes' is not a boolean. Fix: write true or false",
        "baton.yaml:12: zookeeper.quorum: expected text, got a list. Fix: write text");
  }

  @Test
  void quotedNumberIsNotAPort() {
    assertThat(ConfFixture.valid(dir).yaml("""
        nameservices:
          ns1:
            namenodes:
              nn1: { admin-port: "18090" }
              nn2: { admin-port: 70000 }
        """).problems()).containsExactly(
        "baton.yaml:4: nameservices.ns1.namenodes.nn1.admin-port: '18090' is not a whole number. Fix: write digits"
            + " only, e.g. 8090",
        "baton.yaml:5: nameservices.ns1.namenodes.nn2.admin-port: 70000 is outside 1-65535. Fix: use a number from 1"
            + " to 65535");
  }

  @Test
  void keyWrittenTwice() {
    assertThat(conf("failover:\n  retry-backoff: 1s\n  retry-backoff: 2s\n").problems()).containsExactly(
        "baton.yaml:8: failover.retry-backoff: is written twice (first at line 7). Fix: keep one of them");
  }

  @Test
  void durationUnits() {
    DeploymentConfig c = conf("""
        health-monitor: { check-interval: 500ms, rpc-timeout: 2m }
        controller: { maintenance-default-expiry: 2h, fencing-drill-interval: 1d }
        """).load();
    assertThat(c.healthMonitor().checkInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.healthMonitor().rpcTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.controller().maintenanceDefaultExpiry()).isEqualTo(Duration.ofHours(2));
    assertThat(c.controller().fencingDrillInterval()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void hadoopSectionTakesScalarsOnly() {
    assertThat(conf("hadoop:\n  \"a.b\": { c: d }\n").problems()).containsExactly(
        "baton.yaml:7: hadoop.a.b: expected a value, got a mapping. Fix: write Hadoop overrides as \"key\": \"value\"");
  }

  @Test
  void listItemsMustBePlainValues() {
    assertThat(conf("fencing: { ssh-private-key-files: [a, [b]] }\n").problems()).containsExactly(
        "baton.yaml:6: fencing.ssh-private-key-files: holds a list at line 6. Fix: list plain values only");
  }

  @Test
  void fencingMethodsAsAList() {
    DeploymentConfig c = conf("fencing:\n  methods:\n    - sshfence(root:22)\n    - journal\n").load();
    assertThat(c.nameservices().get(0).namenodes().get(1).fencing().methods()).isEqualTo("sshfence(root:22)\njournal");
  }

  @Test
  void defaultsWhenNothingIsSet() {
    DeploymentConfig c = conf("").load();
    assertThat(c.healthMonitor()).isEqualTo(new HealthMonitorConfig(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofSeconds(45), 1));
    assertThat(c.failover()).isEqualTo(new FailoverConfig(Duration.ofSeconds(60), Duration.ofSeconds(5), 1,
        Duration.ofSeconds(20), 3, Duration.ofSeconds(1), Duration.ofSeconds(10)));
    assertThat(c.controller()).isEqualTo(new ControllerConfig("127.0.0.1", java.util.Optional.empty(), true,
        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(10)));
    ZooKeeperConfig zk = c.nameservices().get(0).zookeeper();
    assertThat(zk).isEqualTo(new ZooKeeperConfig("127.0.0.1:12181", Duration.ofSeconds(10), "/hadoop-ha",
        "world:anyone:rwcda", java.util.Optional.empty(), false));
    FencingConfig f = c.nameservices().get(0).namenodes().get(0).fencing();
    assertThat(f).isEqualTo(new FencingConfig("shell(/bin/true)", java.util.List.of(), Duration.ofSeconds(30),
        java.util.Optional.empty(), Duration.ofSeconds(45), Duration.ofSeconds(60)));
    assertThat(c.journalNode().editsDir()).isEqualTo(Path.of("/tmp/hadoop/dfs/journalnode"));
  }
}
