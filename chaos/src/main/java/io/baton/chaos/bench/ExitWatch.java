package io.baton.chaos.bench;

import io.baton.config.HostPort;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An idle connection to a NameNode's IPC port that notes when it breaks: after {@code kill -9} that is the kernel
 * closing the dead process's sockets, which no controller can see sooner. The bench reports it so that a crash's
 * time can be split into the world's part (the process exit) and the controllers' part. It sends nothing.
 */
final class ExitWatch implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 1000;

  private final Socket socket = new Socket();
  private final CompletableFuture<Instant> broke = new CompletableFuture<>();

  private ExitWatch() {}

  /** Connects now (bounded by 1 s); empty when the port cannot be reached, in which case there is nothing to time. */
  static Optional<ExitWatch> open(HostPort address) {
    ExitWatch w = new ExitWatch();
    try {
      w.socket.connect(address.toSocketAddress(), CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      w.close();
      return Optional.empty();
    }
    Thread t = new Thread(w::readUntilBroken, "exit-watch-" + address);
    t.setDaemon(true);
    t.start();
    return Optional.of(w);
  }

  private void readUntilBroken() {
    try (InputStream in = socket.getInputStream()) {
      while (in.read() >= 0) {
        // the IPC server sends nothing to a connection that never sent its preamble; ignore whatever comes
      }
    } catch (IOException e) {
      // a reset is a break too; so is close() from this side, which nobody reads afterwards
    }
    broke.complete(Instant.now());
  }

  /** How long after {@code faultAt} the connection broke, waiting at most {@code wait}; empty if it did not. */
  Optional<Long> millisAfter(Instant faultAt, Duration wait) {
    try {
      return Optional.of(Duration.between(faultAt, broke.get(wait.toMillis(), TimeUnit.MILLISECONDS)).toMillis());
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to release beyond the socket
    }
  }
}
