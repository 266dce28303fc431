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
