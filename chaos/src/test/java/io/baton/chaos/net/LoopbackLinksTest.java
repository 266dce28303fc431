package io.baton.chaos.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peer links of a loopback cluster, seen from the hosts: which new connections reach the other host. */
class LoopbackLinksTest {

  private static Socket open(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    return s;
  }

  private static LoopbackLinks links(SinkServer nn1, SinkServer nn2) throws IOException {
    return new LoopbackLinks(List.of(nn1.port()), Map.of("nn1", List.of(nn1.port()), "nn2", List.of(nn2.port())),
        Map.of("nn1", List.of(nn1.port(), nn1.port()), "nn2", List.of(nn2.port(), nn2.port())));
  }

  @Test
  void aOneWayCutStopsNewConnectionsFromOneHostOnly() throws Exception {
    try (SinkServer nn1 = new SinkServer(); SinkServer nn2 = new SinkServer(); LoopbackLinks links = links(nn1, nn2)) {
      links.hostToHost("nn1", "nn2", true, true);
      try (Socket blocked = open(links.peerPortFor("nn1", "nn2", 0));
          Socket reverse = open(links.peerPortFor("nn2", "nn1", 1))) {
        assertThat(nn1.next()).as("nn2 -> nn1 still connects").isNotNull();
        assertThat(nn2.next()).as("nn1 -> nn2 hangs").isNull();
        links.hostToHost("nn1", "nn2", true, false);
        assertThat(nn2.next()).as("connected onwards on heal").isNotNull();
      }
    }
  }

  @Test
  void aPeerCutStopsBothDirectionsButNotZooKeeperOrTheClients() throws Exception {
    // the negative control of the one-way test: cut both ways, the reverse direction hangs too
    try (SinkServer nn1 = new SinkServer(); SinkServer nn2 = new SinkServer(); LoopbackLinks links = links(nn1, nn2)) {
      links.hostToHost("nn1", "nn2", false, true);
      try (Socket a = open(links.peerPortFor("nn2", "nn1", 0));
          Socket zk = open(Integer.parseInt(links.zookeeperQuorumFor("nn1").split(":")[1]));
          Socket client = open(links.clientPortFor("nn1", 0))) {
        assertThat(nn1.next()).as("zookeeper link").isNotNull();
        assertThat(nn1.next()).as("client link").isNotNull();
        assertThat(nn1.next()).as("nn2 -> nn1 hangs").isNull();
      }
    }
  }
}
