package io.baton.chaos.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {
  private ServerSocket echo;
  private Thread echoThread;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    echoThread = new Thread(() -> {
      while (!echo.isClosed()) {
        try {
          Socket s = echo.accept();
          Thread t = new Thread(() -> {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
              in.transferTo(out);
            } catch (IOException ignored) {
              // the test closed the connection
            }
          });
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    echoThread.setDaemon(true);
    echoThread.start();
  }

  @AfterEach
  void stopEcho() throws Exception {
    echo.close();
    echoThread.join(5000);
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes());
    s.getOutputStream().flush();
    byte[] buf = new byte[text.length()];
    int read = 0;
    while (read < buf.length) {
      int n = s.getInputStream().read(buf, read, buf.length - read);
      if (n < 0) {
        throw new IOException("closed after " + read + " bytes");
      }
      read += n;
    }
    return new String(buf);
  }

  @Test
  void forwardsThenHoldsSilentlyWhileCutThenDeliversAfterHeal() throws Exception {
    try (TcpProxy proxy = new TcpProxy("test", 0, new InetSocketAddress("127.0.0.1", echo.getLocalPort()));
        Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
      s.setSoTimeout(500);
      assertThat(roundTrip(s, "hello")).isEqualTo("hello");

      proxy.cut();
      assertThat(proxy.isCut()).isTrue();
      // silent: no error, only a timeout (the bytes are held, not dropped)
      assertThatThrownBy(() -> roundTrip(s, "during")).isInstanceOf(SocketTimeoutException.class);
      try (Socket fresh = new Socket()) {
        fresh.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000); // accepted, never forwarded
        fresh.setSoTimeout(300);
        assertThatThrownBy(() -> roundTrip(fresh, "x")).isInstanceOf(SocketTimeoutException.class);
      }

      proxy.heal();
      s.setSoTimeout(3000);
      byte[] held = s.getInputStream().readNBytes(6);
      assertThat(new String(held)).isEqualTo("during");
      assertThat(roundTrip(s, "after")).isEqualTo("after");
    }
  }

  private static Socket connect(TcpProxy proxy, int soTimeoutMs) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
    s.setSoTimeout(soTimeoutMs);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes());
    s.getOutputStream().flush();
  }

  private static String read(Socket s, int n) throws IOException {
    byte[] b = s.getInputStream().readNBytes(n);
    return new String(b);
  }

  @Test
  void aRepliesCutDeliversRequestsAndHoldsRepliesAndNewConnections() throws Exception {
    try (SinkServer sink = new SinkServer();
        TcpProxy proxy = new TcpProxy("test", 0, new InetSocketAddress("127.0.0.1", sink.port()));
        Socket client = connect(proxy, 500)) {
      Socket server = sink.next();
      server.setSoTimeout(2000);
      proxy.cut(TcpProxy.Cut.REPLIES);
      send(client, "ping");
      assertThat(read(server, 4)).as("requests still arrive").isEqualTo("ping");
      send(server, "pong");
      assertThatThrownBy(() -> client.getInputStream().read()).as("replies are held")
          .isInstanceOf(SocketTimeoutException.class);
      try (Socket fresh = connect(proxy, 300)) {
        assertThat(sink.next()).as("a new connection is not connected onwards (no handshake one way)").isNull();
      }
      proxy.heal();
      client.setSoTimeout(3000);
      assertThat(read(client, 4)).as("held replies flow on heal").isEqualTo("pong");
    }
  }

  @Test
  void aNewConnectionsCutKeepsEstablishedConnectionsFlowing() throws Exception {
    try (SinkServer sink = new SinkServer();
        TcpProxy proxy = new TcpProxy("test", 0, new InetSocketAddress("127.0.0.1", sink.port()));
        Socket client = connect(proxy, 2000)) {
      Socket server = sink.next();
      server.setSoTimeout(2000);
      proxy.cut(TcpProxy.Cut.NEW_CONNECTIONS);
      send(client, "a");
      assertThat(read(server, 1)).isEqualTo("a");
      send(server, "b");
      assertThat(read(client, 1)).as("established: both ways flow").isEqualTo("b");
      Socket fresh = connect(proxy, 2000);
      assertThat(sink.next()).as("new connections hang").isNull();
      proxy.heal();
      assertThat(sink.next()).as("and are connected onwards on heal").isNotNull();
      fresh.close();
    }
  }

  @Test
  void anAllCutHoldsRequestsToo() throws Exception {
    // the negative control of the replies cut: with ALL the request does not arrive
    try (SinkServer sink = new SinkServer();
        TcpProxy proxy = new TcpProxy("test", 0, new InetSocketAddress("127.0.0.1", sink.port()));
        Socket client = connect(proxy, 500)) {
      Socket server = sink.next();
      server.setSoTimeout(500);
      proxy.cut(TcpProxy.Cut.ALL);
      send(client, "ping");
      assertThatThrownBy(() -> server.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void closingEndsTheConnections() throws Exception {
    TcpProxy proxy = new TcpProxy("test", 0, new InetSocketAddress("127.0.0.1", echo.getLocalPort()));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
      s.setSoTimeout(2000);
      assertThat(roundTrip(s, "a")).isEqualTo("a");
      proxy.close();
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }
}
