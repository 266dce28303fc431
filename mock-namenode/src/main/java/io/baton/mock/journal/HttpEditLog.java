package io.baton.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.config.HostPort;
import io.baton.mock.common.Json;
import io.baton.mock.common.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An {@link EditLog} on a journal node's HTTP API, every call bounded by a timeout. */
public final class HttpEditLog implements EditLog {
  private final URI base;
  private final JsonHttp http;

  public HttpEditLog(HostPort journalNode, String journalId, Duration timeout) {
    this(URI.create("http://" + journalNode + "/journal/" + journalId + "/"), timeout);
  }

  /** @param base e.g. {@code http://127.0.0.1:18485/journal/ns1/} (trailing slash) */
  public HttpEditLog(URI base, Duration timeout) {
    this.base = base;
    this.http = new JsonHttp(timeout);
  }

  @Override
  public Journal.EpochGrant claimEpoch(String writer) throws EditLogException {
    return Json.MAPPER.convertValue(send(JsonHttp.postJson(base.resolve("epoch"), Map.of("writer", writer))),
        Journal.EpochGrant.class);
  }

  @Override
  public JournalRecord append(long epoch, long txid, String op, String path, String data, String writer)
      throws EditLogException {
    var body = new JournalResource.AppendRequest(epoch, txid, op, path, data, writer);
    return Json.MAPPER.convertValue(send(JsonHttp.postJson(base.resolve("append"), body)), JournalRecord.class);
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

  private JsonNode send(HttpRequest.Builder request) throws EditLogException {
    JsonHttp.Answer a;
    try {
      a = http.send(request);
    } catch (IOException e) {
      throw new EditLogException(false, "unavailable", "journal " + base + " unavailable: " + e.getMessage(), e);
    }
    if (!a.ok()) {
      String error = a.body().path("error").asText("http_" + a.status());
      // 4xx: the journal refused, nothing was written; 5xx: the journal failed, treat as unknown.
      throw new EditLogException(a.status() < 500, error, "journal " + base + " refused: " + a.message(), null);
    }
    return a.body();
  }
}
