package io.baton.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.mock.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP helper for tests: every call has a timeout, bodies are parsed as JSON when possible. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private Http() {}

  public record Answer(int status, String body) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public static Answer get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  public static Answer delete(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
  }

  public static Answer post(String url, String json) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static Answer put(String url, String text) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain")
        .PUT(HttpRequest.BodyPublishers.ofString(text)));
  }

  /** Sends with a 10 s timeout unless the builder set its own. */
  public static Answer send(HttpRequest.Builder b) throws Exception {
    HttpRequest req = b.build();
    if (req.timeout().isEmpty()) {
      req = b.timeout(Duration.ofSeconds(10)).build();
    }
    HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }
}
