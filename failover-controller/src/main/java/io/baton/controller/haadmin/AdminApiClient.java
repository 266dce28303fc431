package io.baton.controller.haadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.config.ControllerConfig;
import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The controller's admin REST API ({@code /v1/...}, JSON) at {@code controller.admin-bind-address} and the
 * NameNode's admin port; every request has a connect and a response timeout.
 */
final class AdminApiClient {
  /** Made on first use: most commands never call the admin API. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final ControllerConfig controller;
  private final Duration timeout;
  private final Path tokenFile;
  private HttpClient http;
  private AdminApiToken token;

  /** @param tokenFile the controllers' admin API token ({@code --admin-token-file} or the configured one) */
  AdminApiClient(ControllerConfig controller, Duration timeout, Path tokenFile) {
    this.controller = controller;
    this.timeout = timeout;
    this.tokenFile = tokenFile;
  }

  /** Read on first use, once; a missing file is only an error when a controller asks for the token. */
  private synchronized AdminApiToken token() {
    if (token == null) {
      token = AdminApiToken.read(tokenFile);
    }
    return token;
  }

  /** Built on first use, once: building one is slow, and most commands never call the admin API. */
  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }
    return http;
  }

  /** {@code http://127.0.0.1:18090}: a wildcard bind address means "the NameNode's host". */
  HostPort address(NameNodeConfig nn) {
    String bind = controller.adminBindAddress();
    boolean wildcard = bind == null || bind.isBlank() || bind.equals("0.0.0.0") || bind.equals("::");
    return new HostPort(wildcard ? nn.host() : bind, nn.adminPort());
  }

  String baseUrl(NameNodeConfig nn) {
    return (controller.tls().isPresent() ? "https://" : "http://") + address(nn);
  }

  JsonNode get(NameNodeConfig nn, String path) throws HaAdminException {
    return send(nn, path, HttpRequest.newBuilder().GET());
  }

  JsonNode post(NameNodeConfig nn, String path, Map<String, ?> body) throws HaAdminException {
    String text;
    try {
      text = Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + body, e);
    }
    return send(nn, path, HttpRequest.newBuilder()
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  private JsonNode send(NameNodeConfig nn, String path, HttpRequest.Builder request) throws HaAdminException {
    String who = ControllerRpcClient.describe(nn);
    String url = baseUrl(nn) + path;
    String limit = " (timeout " + Durations.format(timeout) + ")";
    HttpResponse<String> response;
    token().value().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    try {
      response = http().send(request.uri(URI.create(url)).timeout(timeout).header("Accept", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw new HaAdminException(ExitCode.TIMEOUT,
          "Cannot connect to " + who + " at " + url + ": no answer within " + Durations.format(timeout), e);
    } catch (HttpTimeoutException e) {
      throw new HaAdminException(ExitCode.TIMEOUT,
          who + " at " + url + " did not answer within " + Durations.format(timeout), e);
    } catch (ConnectException e) {
      throw new HaAdminException(ExitCode.UNREACHABLE,
          "Cannot connect to " + who + " at " + url + ": connection refused" + limit, e);
    } catch (IOException e) {
      throw new HaAdminException(ExitCode.UNREACHABLE,
          "Cannot talk to " + who + " at " + url + ": " + RpcFailures.firstLine(e) + limit, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HaAdminException(ExitCode.FAILED, "Interrupted while calling " + who + " at " + url, e);
    }
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      if (body == null) {
        throw new HaAdminException(ExitCode.FAILED,
            who + " at " + url + " answered " + status + " with a body that is not JSON: " + abbreviate(response.body()));
      }
      return body;
    }
    String message = body != null && body.hasNonNull("message") ? body.get("message").asText()
        : body != null && body.hasNonNull("error") ? body.get("error").asText() : abbreviate(response.body());
    ExitCode code = status >= 500 ? ExitCode.FAILED : ExitCode.REFUSED;
    if (status == 401) {
      message = message + "\n" + token().whatToDo();
    }
    if (status == 404) {
      message = "not found (" + message + "); is this a Baton controller with the /v1 admin API?";
    }
    throw new HaAdminException(code, who + " at " + url + " answered " + status + ": " + message);
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String abbreviate(String text) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? "(empty)" : t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
