package io.baton.mock.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP with a connect and a request timeout on every call; the client is built on first use. */
public final class JsonHttp {
  private final Duration timeout;
  private HttpClient client;

  public JsonHttp(Duration timeout) {
    this.timeout = timeout;
  }

  /** An answer of any status; {@code body} is the parsed JSON. */
  public record Answer(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }

    /** The server's {@code message} (or {@code error}) for error answers. */
    public String message() {
      return body.path("message").asText(body.path("error").asText("HTTP " + status));
    }
  }

  public static HttpRequest.Builder postJson(URI uri, Object body) {
    try {
      return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + body, e);
    }
  }

  /**
   * @throws IOException when the call fails or the answer is not JSON (interruption restores the flag and
   *     surfaces as an IOException too)
   */
  public Answer send(HttpRequest.Builder request) throws IOException {
    HttpRequest req = request.timeout(timeout).build();
    HttpResponse<byte[]> resp;
    try {
      resp = client().send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + req.uri(), e);
    }
    try {
      return new Answer(resp.statusCode(), Json.MAPPER.readTree(resp.body()));
    } catch (IOException e) {
      throw new IOException(req.uri() + " answered HTTP " + resp.statusCode() + " with a body that is not JSON", e);
    }
  }

  // Lazy: building an HttpClient initialises TLS classes, which costs start-up time a plain-HTTP caller need not wait for.
  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }
    return client;
  }
}
