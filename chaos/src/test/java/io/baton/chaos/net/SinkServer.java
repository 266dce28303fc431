package io.baton.chaos.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback server that keeps every connection it accepts, so that a test sees which connections arrived. */
final class SinkServer implements AutoCloseable {
  private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();

  SinkServer() throws IOException {
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          accepted.add(server.accept());
        } catch (IOException e) {
          return;
        }
      }
    }, "sink");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The next accepted connection, or null when none arrives within 3 s. */
  Socket next() throws InterruptedException {
    return accepted.poll(3, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
