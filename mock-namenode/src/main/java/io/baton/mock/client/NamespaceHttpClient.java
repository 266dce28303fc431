package io.baton.mock.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.mock.common.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One namespace call to one NameNode over HTTP, classified for failover (see {@link Attempt}). */
final class NamespaceHttpClient {
  private final HttpClient http;
  private final Duration requestTimeout;

  NamespaceHttpClient(Duration connectTimeout, Duration requestTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.requestTimeout = requestTimeout;
  }

  /** PUT the value as the content of {@code path} (create or replace). */
  Attempt write(NameNodeEndpoint nn, String path, String value) {
    HttpRequest req = HttpRequest.newBuilder(nn.http().resolve("v1/fs" + path)).timeout(requestTimeout)
        .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(value)).build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return Attempt.of(Attempt.Kind.UNREACHABLE, nn.id(), "cannot connect: " + e);
    } catch (IOException e) {
      return Attempt.of(Attempt.Kind.UNKNOWN, nn.id(), "no answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.of(Attempt.Kind.UNKNOWN, nn.id(), "interrupted");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(resp.body());
    } catch (IOException e) {
      return Attempt.of(Attempt.Kind.UNKNOWN, nn.id(), "HTTP " + resp.statusCode() + " with a body that is not JSON");
    }
    if (resp.statusCode() == 200) {
      return Attempt.ok(nn.id(), body.path("epoch").asLong(), body.path("txid").asLong());
    }
    String error = body.path("error").asText("http_" + resp.statusCode());
    String detail = error + ": " + body.path("message").asText("");
    if (error.equals("standby") || error.equals("fenced")) {
      return Attempt.of(Attempt.Kind.NOT_ACTIVE, nn.id(), detail);
    }
    if (resp.statusCode() >= 400 && resp.statusCode() < 500) {
      return Attempt.of(Attempt.Kind.REJECTED, nn.id(), detail);
    }
    return Attempt.of(Attempt.Kind.UNKNOWN, nn.id(), detail);
  }
}
