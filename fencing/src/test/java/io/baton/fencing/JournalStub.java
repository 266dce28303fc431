package io.baton.fencing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.baton.config.HostPort;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A journal node speaking the fence/status contract, on 127.0.0.1 and a free port. */
final class JournalStub implements AutoCloseable {
  enum Mode { ACCEPT, REJECT, HANG }

  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile Mode mode;
  volatile long epoch = 6;
  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpServer server;

  JournalStub(Mode mode) throws IOException {
    this.mode = mode;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/journal/", this::handle);
    server.start();
  }

  HostPort address() {
    return new HostPort("127.0.0.1", server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + body);
    if (mode == Mode.HANG) {
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (mode == Mode.REJECT) {
      reply(ex, 503, "{\"error\":\"NotFormatted\",\"message\":\"journal ns1 is not formatted\"}");
    } else if (ex.getRequestURI().getPath().endsWith("/fence") && ex.getRequestMethod().equals("POST")) {
      epoch++;
      reply(ex, 200, "{\"promisedEpoch\":" + epoch + "}");
    } else if (ex.getRequestURI().getPath().endsWith("/status")) {
      reply(ex, 200, "{\"promisedEpoch\":" + epoch + ",\"lastTxId\":42,\"journalId\":\"ns1\"}");
    } else {
      reply(ex, 404, "{\"error\":\"NotFound\",\"message\":\"no such endpoint\"}");
    }
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
