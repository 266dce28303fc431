package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which NameNode this process serves: --id/--ns, then dfs.ha.namenode.id, then the local address. */
class LocalNameNodeTest {
  @TempDir Path dir;

  private LoadReport inspect(ConfFixture f, LoadOptions opts, Set<String> localHosts) {
    f.write();
    return ConfigLoader.inspect(f.dir, opts, localHosts::contains);
  }

  /** nn1 on host-a, nn2 on host-b; ns2 = nn1 on host-c, nn3 on host-d. */
  private ConfFixture twoNameservices() {
    return ConfFixture.valid(dir)
        .hdfs("dfs.nameservices", "ns1,ns2")
        .hdfs("dfs.namenode.rpc-address.ns1.nn1", "host-a:8020")
        .hdfs("dfs.namenode.http-address.ns1.nn1", null)
        .hdfs("dfs.namenode.rpc-address.ns1.nn2", "host-b:8020")
        .hdfs("dfs.namenode.http-address.ns1.nn2", null)
        .hdfs("dfs.ha.namenodes.ns2", "nn1,nn3")
        .hdfs("dfs.namenode.rpc-address.ns2.nn1", "host-c:8020")
        .hdfs("dfs.namenode.rpc-address.ns2.nn3", "host-d:8020")
        .yaml("controller: { admin-port: 18090 }\n");
  }

  private static Optional<LocalNameNode> local(String ns, String nn) {
    return Optional.of(new LocalNameNode(ns, nn));
  }

  @Test
  void singleLocalAddressWins() {
    LoadReport r = inspect(twoNameservices(), LoadOptions.none(), Set.of("host-b"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.config().orElseThrow().local()).isEqualTo(local("ns1", "nn2"));
  }

  @Test
  void severalLocalAddressesLeaveItOpenWithAReason() throws Exception {
    DeploymentConfig c = inspect(twoNameservices(), LoadOptions.none(), Set.of("host-a", "host-c"))
        .config().orElseThrow();
    assertThat(c.local()).isEmpty();
    assertThat(c.localProblem()).contains("several NameNodes have their rpc-address on this host: ns1.nn1"
        + " (host-a:8020), ns2.nn1 (host-c:8020); pass --id <nnId> to say which one this process serves");
    assertThatThrownBy(c::localNameNode).isInstanceOf(ConfigException.class).hasMessage("1 configuration problem\n"
        + "  - dfs.ha.namenode.id: several NameNodes have their rpc-address on this host: ns1.nn1 (host-a:8020), ns2.nn1"
        + " (host-c:8020); pass --id <nnId> to say which one this process serves. Fix: pass --id <nnId> (and --ns <nsId>"
        + " with several nameservices) or set dfs.ha.namenode.id");
  }

  @Test
  void nameserviceNarrowsTheAddressMatch() {
    LoadReport r = inspect(twoNameservices(), new LoadOptions(Optional.of("ns2"), Optional.empty()),
        Set.of("host-a", "host-c"));
    assertThat(r.config().orElseThrow().local()).isEqualTo(local("ns2", "nn1"));
  }

  @Test
  void noLocalAddress() {
    DeploymentConfig c = inspect(twoNameservices(), LoadOptions.none(), Set.of()).config().orElseThrow();
    assertThat(c.local()).isEmpty();
    assertThat(c.localProblem()).contains("no configured NameNode has its rpc-address on this host; pass --id <nnId>");
  }

  @Test
  void idOptionBeatsAddressAndHadoopKeys() {
    ConfFixture f = twoNameservices().hdfs("dfs.ha.namenode.id", "nn2").hdfs("dfs.nameservice.id", "ns1");
    LoadReport r = inspect(f, LoadOptions.forNameNode(null, "nn3"), Set.of("host-a"));
    assertThat(r.config().orElseThrow().local()).isEmpty(); // dfs.nameservice.id=ns1 still applies; ns1 has no nn3
    assertThat(r.problems()).map(ConfigProblem::toString).containsExactly(
        "--id: names NameNode 'nn3', which is not configured. Fix: use one of: ns1.nn1, ns1.nn2");
    LoadReport ok = inspect(f, LoadOptions.forNameNode("ns2", "nn3"), Set.of("host-a"));
    assertThat(ok.config().orElseThrow().local()).isEqualTo(local("ns2", "nn3"));
  }

  @Test
  void hadoopKeysBeatAddress() {
    ConfFixture f = twoNameservices().hdfs("dfs.ha.namenode.id", "nn2").hdfs("dfs.nameservice.id", "ns1");
    assertThat(inspect(f, LoadOptions.none(), Set.of("host-a")).config().orElseThrow().local())
        .isEqualTo(local("ns1", "nn2"));
  }

  @Test
  void idInSeveralNameservicesNeedsTheNameservice() {
    DeploymentConfig c = inspect(twoNameservices(), LoadOptions.forNameNode(null, "nn1"), Set.of())
        .config().orElseThrow();
    assertThat(c.local()).isEmpty();
    assertThat(c.localProblem()).contains("NameNode id 'nn1' exists in several nameservices (ns1, ns2); pass --ns"
        + " <nsId>");
  }

  @Test
  void unknownNameserviceIsAProblem() {
    ConfFixture f = twoNameservices().hdfs("dfs.nameservice.id", "ns7");
    assertThat(inspect(f, LoadOptions.none(), Set.of()).problems()).map(ConfigProblem::toString).containsExactly(
        "hdfs-site.xml:48: dfs.nameservice.id: names nameservice 'ns7', which is not configured. Fix: use one of: ns1,"
            + " ns2");
  }

  @Test
  void loopbackAndWildcardCountAsLocalOnThisMachineAsInHadoop() {
    assertThat(LocalAddresses.SYSTEM.isLocal("127.0.0.1")).isTrue();
    assertThat(LocalAddresses.SYSTEM.isLocal("localhost")).isTrue();
    assertThat(LocalAddresses.SYSTEM.isLocal("192.0.2.1")).isFalse(); // TEST-NET-1, never assigned
    assertThat(LocalAddresses.SYSTEM.isLocal("0.0.0.0")).isTrue(); // NetUtils.isLocalAddress: any-local counts
  }
}
