package io.baton.controller.haadmin;

import static io.baton.controller.haadmin.TestDeployment.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StateCommandsTest {
  private FakeNameNode nn1;
  private FakeNameNode nn2;

  @BeforeEach
  void start() throws IOException {
    nn1 = new FakeNameNode().state(HAServiceState.ACTIVE);
    nn2 = new FakeNameNode().state(HAServiceState.STANDBY);
  }

  @AfterEach
  void stop() {
    nn1.close();
    nn2.close();
  }

  private Cli cli() {
    return new Cli(new TestDeployment().nameservice("ns1", false, node("nn1", nn1), node("nn2", nn2)).build(),
        new RecordingFencer());
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void getServiceStatePrintsTheStateLikeHadoop() {
    assertThat(cli().run("-getServiceState", "nn1")).isEqualTo(new Cli.Result(0, "active\n", ""));
    assertThat(cli().run("-ns", "ns1", "-getServiceState", "nn2")).isEqualTo(new Cli.Result(0, "standby\n", ""));
    nn2.state = HAServiceState.OBSERVER;
    assertThat(cli().run("-getServiceState", "nn2").out()).isEqualTo("observer\n");
  }

  @Test
  void getServiceStateAsJson() {
    Cli.Result r = cli().run("--json", "-getServiceState", "nn1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"command\" : \"-getServiceState\"", "\"exitCode\" : 0", "\"status\" : \"OK\"",
        "\"namenode\" : \"nn1\"", "\"address\" : \"127.0.0.1:" + nn1.port() + "\"", "\"state\" : \"active\"",
        "\"readyToBecomeActive\" : true");
  }

  @Test
  void unknownIdListsTheValidIds() {
    Cli.Result r = cli().run("-getServiceState", "nn9");
    assertThat(r).isEqualTo(new Cli.Result(4, "", "Unknown NameNode id 'nn9' in nameservice ns1; valid ids: nn1, nn2\n"));
  }

  @Test
  void unknownNameserviceListsTheConfiguredOnes() {
    Cli.Result r = cli().run("-ns", "nsX", "-getServiceState", "nn1");
    assertThat(r).isEqualTo(new Cli.Result(4, "", "Unknown nameservice 'nsX'; configured nameservices: ns1\n"));
  }

  @Test
  void wrongNumberOfArgumentsPrintsThatCommandsUsage() {
    Cli.Result r = cli().run("-getServiceState");
    assertThat(r).isEqualTo(new Cli.Result(2, "", "getServiceState: incorrect number of arguments\n"
        + "Usage: haadmin [-ns <nameserviceId>] [-getServiceState <serviceId>]\n"));
    assertThat(cli().run("-checkHealth", "nn1", "nn2").err()).isEqualTo(
        "checkHealth: incorrect number of arguments\nUsage: haadmin [-ns <nameserviceId>] [-checkHealth <serviceId>]\n");
  }

  @Test
  void unreachableNameNodeNamesTheAddressAndTheTimeout() throws IOException {
    int port = closedPort();
    Cli cli = new Cli(new TestDeployment().nameservice("ns1", false, node("nn1", port, 1, 1), node("nn2", nn2))
        .build(), new RecordingFencer());
    long start = System.nanoTime();
    Cli.Result r = cli.run("-getServiceState", "nn1");
    assertThat(r).isEqualTo(new Cli.Result(5, "", "Cannot connect to NameNode nn1 (ns1) at 127.0.0.1:" + port
        + ": connection refused (timeout 2s)\n"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void hungNameNodeTimesOutInsteadOfHanging() {
    nn1.hang = true;
    long start = System.nanoTime();
    Cli.Result r = cli().run("--timeout", "700ms", "-getServiceState", "nn1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r).isEqualTo(new Cli.Result(6, "", "NameNode nn1 (ns1) at 127.0.0.1:" + nn1.port()
        + " did not answer within 700ms\n"));
    assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
  }

  @Test
  void aPortThatIsNotHadoopIpcIsReported() throws IOException {
    assertThat(runAgainstRawServer("HTTP/1.1 400 Bad Request\r\n\r\n")).isEqualTo(new Cli.Result(1, "",
        "NameNode nn1 (ns1) at 127.0.0.1:" + rawPort + " answered with something that is not Hadoop IPC: is 127.0.0.1:"
            + rawPort + " its RPC port (and not, say, its HTTP port)?\n"));
    assertThat(runAgainstRawServer("")).isEqualTo(new Cli.Result(5, "", "Lost the connection to NameNode nn1 (ns1)"
        + " at 127.0.0.1:" + rawPort + ": the server closed the connection (is 127.0.0.1:" + rawPort + " a Hadoop IPC"
        + " port?) (timeout 2s)\n"));
  }

  private int rawPort;

  /** A server that answers every connection with {@code reply} and closes it. */
  private Cli.Result runAgainstRawServer(String reply) throws IOException {
    try (ServerSocket raw = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      rawPort = raw.getLocalPort();
      Thread server = new Thread(() -> {
        try (Socket s = raw.accept()) {
          s.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          // the test asserts on the client side
        }
      });
      server.setDaemon(true);
      server.start();
      return new Cli(new TestDeployment().nameservice("ns1", false, node("nn1", rawPort, 1, 1), node("nn2", nn2))
          .build(), new RecordingFencer()).run("-getServiceState", "nn1");
    }
  }

  @Test
  void debugAddsTheStackTrace() {
    nn1.hang = true;
    Cli.Result r = cli().run("--debug", "--timeout", "300ms", "-getServiceState", "nn1");
    assertThat(r.code()).isEqualTo(6);
    assertThat(r.err()).contains("did not answer within 300ms\n", "java.net.SocketTimeoutException", "\tat ");
    assertThat(cli().run("--timeout", "300ms", "-getServiceState", "nn1").err()).doesNotContain("\tat ");
  }

  @Test
  void getAllServiceStateUsesHadoopsColumnsAndReportsFailures() throws IOException {
    int port = closedPort();
    Cli cli = new Cli(new TestDeployment().nameservice("ns1", false, node("nn1", nn1), node("nn2", nn2),
        node("nn3", port, 1, 1)).build(), new RecordingFencer());
    Cli.Result r = cli.run("-getAllServiceState");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(
        String.format("%-50s %-10s%n", "127.0.0.1:" + nn1.port(), "active")
            + String.format("%-50s %-10s%n", "127.0.0.1:" + nn2.port(), "standby")
            + String.format("%-50s %-10s%n", "127.0.0.1:" + port, "Failed to connect: Cannot connect to NameNode"
            + " nn3 (ns1) at 127.0.0.1:" + port + ": connection refused (timeout 2s)"));
    assertThat(cli.run("--json", "-getAllServiceState").out()).contains("\"state\" : \"standby\"",
        "\"error\" : \"Cannot connect to NameNode nn3 (ns1)", "\"exitCode\" : 5");
  }

  @Test
  void getAllServiceStateTakesExtraArgumentsAsMisuse() {
    assertThat(cli().run("-getAllServiceState", "nn1")).isEqualTo(new Cli.Result(2, "",
        "getAllServiceState: incorrect number of arguments\nUsage: haadmin [-ns <nameserviceId>] [-getAllServiceState]\n"));
  }

  @Test
  void checkHealthIsSilentWhenHealthyAndExplainsWhenNot() {
    assertThat(cli().run("-checkHealth", "nn1")).isEqualTo(new Cli.Result(0, "", ""));
    nn1.unhealthy = "The NameNode has no resources available";
    assertThat(cli().run("-checkHealth", "nn1")).isEqualTo(new Cli.Result(8, "",
        "Health check failed: The NameNode has no resources available\n"));
    Cli.Result json = cli().run("--json", "-checkHealth", "nn1");
    assertThat(json.out()).contains("\"status\" : \"UNHEALTHY\"", "\"healthy\" : false",
        "\"message\" : \"Health check failed: The NameNode has no resources available\"");
  }
}
