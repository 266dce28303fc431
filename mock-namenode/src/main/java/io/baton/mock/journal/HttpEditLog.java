package io.baton.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.mock.common.Json;
import io.baton.mock.common.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An {@link EditLog} on a journal node's HTTP API, every call bounded by a timeout. Where that API is comes from a
 * {@link Locator} (the journal node tells its HTTP port over QJournalProtocol), asked again after a failed call,
 * since a restarted journal node may have another port.
 */
public final class HttpEditLog implements EditLog {
  /** Finds the journal's HTTP base, e.g. {@code http://127.0.0.1:18480/journal/ns1/} (trailing slash). */
  @FunctionalInterface
  public interface Locator {
    URI base() throws IOException;
  }

  private final Locator locator;
  private final String description;
  private final JsonHttp http;
  private volatile URI base;

  public HttpEditLog(Locator locator, String description, Duration timeout) {
    this.locator = locator;
    this.description = description;
    this.http = new JsonHttp(timeout);
  }

  /** A journal at a known HTTP base (tests). */
  public HttpEditLog(URI base, Duration timeout) {
    this(() -> base, base.toString(), timeout);
  }

  @Override
  public Journal.EpochGrant claimEpoch(String writer) throws EditLogException {
    return Json.MAPPER.convertValue(send("epoch", u -> JsonHttp.postJson(u, Map.of("writer", writer))),
        Journal.EpochGrant.class);
  }

  @Override
  public JournalRecord append(long epoch, long txid, String op, String path, String data, String writer)
      throws EditLogException {
    var body = new JournalResource.AppendRequest(epoch, txid, op, path, data, writer);
    return Json.MAPPER.convertValue(send("append", u -> JsonHttp.postJson(u, body)), JournalRecord.class);
  }

  @Override
  public List<JournalRecord> read(long fromTxId, int limit) throws EditLogException {
    JsonNode page = send("records?fromTxId=" + fromTxId + "&limit=" + limit, u -> HttpRequest.newBuilder(u).GET());
    return List.of(Json.MAPPER.convertValue(page.get("records"), JournalRecord[].class));
  }

  /** {@code GET status}: promisedEpoch, lastTxId, ... */
  public JsonNode status() throws EditLogException {
    return send("status", u -> HttpRequest.newBuilder(u).GET());
  }

  @Override
  public String describe() {
    URI known = base;
    return known != null ? known.toString() : description;
  }

  @FunctionalInterface
  private interface RequestFor {
    HttpRequest.Builder at(URI uri) throws EditLogException;
  }

  private JsonNode send(String path, RequestFor request) throws EditLogException {
    URI at = base();
    JsonHttp.Answer a;
    try {
      a = http.send(request.at(at.resolve(path)));
    } catch (IOException e) {
      base = null; // ask the journal node again next time: it may have restarted on another port
      throw new EditLogException(false, "unavailable", "journal " + at + " unavailable: " + e.getMessage(), e);
    }
    if (!a.ok()) {
      String error = a.body().path("error").asText("http_" + a.status());
      // 4xx: the journal refused, nothing was written; 5xx: the journal failed, treat as unknown.
      throw new EditLogException(a.status() < 500, error, "journal " + at + " refused: " + a.message(), null);
    }
    return a.body();
  }

  private URI base() throws EditLogException {
    URI known = base;
    if (known != null) {
      return known;
    }
    try {
      known = locator.base();
    } catch (IOException e) {
      throw new EditLogException(false, "unavailable", description + " unavailable: " + e.getMessage(), e);
    }
    base = known;
    return known;
  }
}
