package io.baton.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.ConfigException;
import io.baton.mock.check.CheckMain;
import io.baton.mock.client.ClientMainAccess;
import io.baton.mock.common.CommandLine.UsageException;
import io.baton.mock.journal.JournalNodeAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolClientSideTranslatorPB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line entry points, in-process where possible, with their errors and exit codes. */
class MainsTest {
  @TempDir Path dir;
  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  @Test
  void badNameNodeArgumentsAreUsageErrors() throws Exception {
    ConfFolder conf = new ConfFolder(dir, true);
    String c = conf.dir.toString();
    assertThatThrownBy(() -> NameNodeMain.start(new String[] {"--conf", c, "--id", "nn1", "--fault", "bogus"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--fault: unknown fault 'bogus'; known faults: unhealthy, not-ready, hang, slow, refuse-transitions, crash, zombie");
    assertThatThrownBy(() -> NameNodeMain.start(new String[] {"--conf", c, "--tail-period", "5"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--tail-period: '5' has no unit; write a whole number with a unit: 500ms, 10s, 1m, 2h or 1d");
    assertThatThrownBy(() -> NameNodeMain.start(new String[] {"--conf"}))
        .isInstanceOf(UsageException.class).hasMessage("--conf needs a value");
    assertThatThrownBy(() -> NameNodeMain.start(new String[] {"--conf", dir.resolve("nope").toString(), "--id", "nn1"}))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void exitCodesOfRealProcesses() throws Exception {
    ConfFolder conf = new ConfFolder(dir, true);
    try (ChildJvm usage = ChildJvm.start("usage", dir, NameNodeMain.class, "--bogus")) {
      assertThat(usage.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(usage.process.exitValue()).isEqualTo(2);
      assertThat(Files.readString(usage.log)).contains("baton namenode: unknown option '--bogus'");
    }
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", conf.httpPorts[0]));
      try (ChildJvm busy = ChildJvm.start("busy", dir, NameNodeMain.class, "--conf", conf.dir.toString(), "--id", "nn1")) {
        assertThat(busy.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(busy.process.exitValue()).isEqualTo(4);
        assertThat(Files.readString(busy.log)).contains("baton namenode: cannot start: ");
      }
    }
  }

  @Test
  void journalNodeNameNodesClientAndCheckFromOneConfFolder() throws Exception {
    ConfFolder conf = new ConfFolder(dir, false);
    String c = conf.dir.toString();
    cleanup.add(JournalNodeAccess.start(new String[] {"--conf", c}));
    cleanup.add(NameNodeMain.start(new String[] {"--conf", c, "--id", "nn1"}));
    cleanup.add(NameNodeMain.start(new String[] {"--conf", c, "--id", "nn2"}));
    Configuration hc = new Configuration();
    hc.setInt("ipc.client.connect.max.retries", 0);
    try (var nn2 = new HAServiceProtocolClientSideTranslatorPB(new InetSocketAddress("127.0.0.1", conf.rpcPorts[1]), hc,
        javax.net.SocketFactory.getDefault(), 10_000)) {
      nn2.transitionToActive(new StateChangeRequestInfo(RequestSource.REQUEST_BY_USER));
    }
    Path history = dir.resolve("h.jsonl");
    assertThat(ClientMainAccess.run(new String[] {"--conf", c, "--history", history.toString(), "--rate", "200/s",
        "--count", "30", "--client-id", "c7"})).isZero();
    assertThat(Files.readAllLines(history)).hasSize(30).allMatch(l -> l.contains("\"outcome\":\"ok\"")
        && l.contains("\"nameNode\":\"nn2\""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = CheckMain.run(new String[] {"--history", history.toString(), "--journal", conf.editsDir.toString()},
        new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream(), true));
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("CLEAN: 30 operations (30 acknowledged, 0 failed, 0 unknown), 31 journal records");
  }

  @Test
  void clientUsageErrors() {
    assertThat(ClientMainAccess.run(new String[] {"--conf", dir.toString(), "--history", "h", "--rate", "fast",
        "--count", "1"})).isEqualTo(2);
    assertThat(ClientMainAccess.run(new String[] {"--conf", dir.toString(), "--history", "h", "--rate", "5/s"})).isEqualTo(2);
  }
}
