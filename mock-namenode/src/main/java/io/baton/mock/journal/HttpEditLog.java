package io.baton.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.config.HostPort;
import io.baton.mock.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An {@link EditLog} on a journal node's HTTP API, every call bounded by a timeout. */
public final class HttpEditLog implements EditLog {
  private final URI base;
  private final Duration timeout;
  private HttpClient http;

  public HttpEditLog(HostPort journalNode, String journalId, Duration timeout) {
    this(URI.create("http://" + journalNode + "/journal/" + journalId + "/"), timeout);
  }

  /** @param base e.g. {@code http://127.0.0.1:18485/journal/ns1/} (trailing slash) */
  public HttpEditLog(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  /** Built on first use: it initialises TLS classes, which costs start-up time a plain-HTTP caller need not wait for. */
  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }
    return http;
  }

  @Override
  public Journal.EpochGrant claimEpoch(String writer) throws EditLogException {
    return Json.MAPPER.convertValue(post("epoch", Map.of("writer", writer)), Journal.EpochGrant.class);
  }

  @Override
  public JournalRecord append(long epoch, long txid, String op, String path, String data, String writer)
      throws EditLogException {
    var body = new JournalResource.AppendRequest(epoch, txid, op, path, data, writer);
    return Json.MAPPER.convertValue(post("append", body), JournalRecord.class);
  }

  @Override
  public List<JournalRecord> read(long fromTxId, int limit) throws EditLogException {
    JsonNode page = send(HttpRequest.newBuilder(base.resolve("records?fromTxId=" + fromTxId + "&limit=" + limit)).GET());
    return List.of(Json.MAPPER.convertValue(page.get("records"), JournalRecord[].class));
  }

  /** {@code GET status}: promisedEpoch, lastTxId, ... */
  public JsonNode status() throws EditLogException {
    return send(HttpRequest.newBuilder(base.resolve("status")).GET());
  }

  @Override
  public String describe() {
    return base.toString();
  }

  private JsonNode post(String what, Object body) throws EditLogException {
    try {
      return send(HttpRequest.newBuilder(base.resolve(what)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(HttpRequest.Builder request) throws EditLogException {
    HttpResponse<byte[]> resp;
    try {
      resp = http().send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new EditLogException(false, "unavailable", "journal " + base + " unavailable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EditLogException(false, "unavailable", "interrupted while calling journal " + base, e);
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(resp.body());
    } catch (IOException e) {
      throw new EditLogException(false, "unavailable", "journal " + base + " answered HTTP " + resp.statusCode()
          + " with a body that is not JSON", e);
    }
    if (resp.statusCode() / 100 != 2) {
      String error = json.path("error").asText("http_" + resp.statusCode());
      // 4xx: the journal refused, nothing was written; 5xx: the journal failed, treat as unknown.
      throw new EditLogException(resp.statusCode() < 500, error, "journal " + base + " refused: "
          + json.path("message").asText(error), null);
    }
    return json;
  }
}
