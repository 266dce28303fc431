package io.baton.mock.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import io.baton.mock.common.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * Drives a mock NameNode's HTTP admin side from another process (chaos kit, demo, benchmark): faults and
 * status. Every call has a timeout; a non-2xx answer is an IOException carrying the server's message.
 */
public final class NameNodeAdminClient {
  private final URI base;
  private final JsonHttp http;

  public NameNodeAdminClient(HostPort httpAddress, Duration timeout) {
    this.base = URI.create("http://" + httpAddress + "/");
    this.http = new JsonHttp(timeout);
  }

  public static NameNodeAdminClient of(NameNodeConfig nn) {
    return new NameNodeAdminClient(nn.httpAddress(), Duration.ofSeconds(5));
  }

  /** Injects a fault, e.g. {@code "slow=200ms"}; returns the active faults. */
  public JsonNode injectFault(String spec) throws IOException {
    return send(JsonHttp.postJson(base.resolve("v1/faults"), Map.of("fault", spec)));
  }

  public JsonNode clearFault(String name) throws IOException {
    return send(HttpRequest.newBuilder(base.resolve("v1/faults/" + name)).DELETE());
  }

  public JsonNode clearFaults() throws IOException {
    return send(HttpRequest.newBuilder(base.resolve("v1/faults")).DELETE());
  }

  /** {@code GET /status}: id, state, reportedState, epoch, lastTxId, faults, fencedReason, pid. */
  public JsonNode status() throws IOException {
    return send(HttpRequest.newBuilder(base.resolve("status")).GET());
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException {
    JsonHttp.Answer a = http.send(request);
    if (!a.ok()) {
      throw new IOException(base + " answered HTTP " + a.status() + ": " + a.message());
    }
    return a.body();
  }
}
