package io.baton.controller.health;

import io.baton.config.HostPort;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one idle TCP connection to the NameNode's health address and calls {@code onBreak} as soon as it
 * breaks, so a crashed NameNode is noticed at once instead of at the next poll. It sends nothing (the IPC
 * server waits for a preamble that never comes); a process exit makes the kernel close the socket.
 */
final class ConnectionWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConnectionWatch.class);
  private final String nodeId;
  private final HostPort address;
  private final Duration reconnectPause;
  private final Runnable onBreak;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Socket socket;

  ConnectionWatch(String nodeId, HostPort address, Duration reconnectPause, Runnable onBreak) {
    this.nodeId = nodeId;
    this.address = Objects.requireNonNull(address, "address");
    this.reconnectPause = reconnectPause;
    this.onBreak = onBreak;
    this.thread = new Thread(this::run, "connection-watch-" + nodeId);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      boolean wasConnected = false;
      try (Socket s = new Socket()) {
        socket = s;
        s.connect(address.toSocketAddress(), (int) Math.max(100, reconnectPause.toMillis()));
        wasConnected = true;
        InputStream in = s.getInputStream();
        while (running && in.read() >= 0) {
          // the server never sends anything unprompted; ignore whatever arrives
        }
      } catch (IOException e) {
        log.trace("{}: connection watch: {}", nodeId, e.toString());
      }
      if (!running) {
        return;
      }
      if (wasConnected) {
        log.debug("{}: connection to the NameNode at {} broke; checking health now", nodeId, address);
        onBreak.run();
      }
      try {
        Thread.sleep(Math.max(10, reconnectPause.toMillis())); // pacing on a dedicated thread, not in logic
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        log.debug("{}: closing the watch socket: {}", nodeId, e.toString());
      }
    }
    thread.interrupt();
  }
}
