package io.baton.worlds.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kits' admin GET sends the token from the controllers' token file, and asks without one when it is absent. */
class AdminGetTest {
  @TempDir Path dir;

  @Test
  void sendsTheTokenFromItsFileAndNothingWithoutOne() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/audit", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] body = String.valueOf(auth).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders("Bearer s3cret".equals(auth) ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/audit";
      Path token = Files.writeString(dir.resolve("admin-token"), "s3cret\n");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      Duration t = Duration.ofSeconds(10);
      assertThat(LocalCluster.getAdmin(http, url, t, token))
          .hasValueSatisfying(r -> assertThat(r.statusCode()).isEqualTo(200));
      // negative control: no token file, no header, refused
      assertThat(LocalCluster.getAdmin(http, url, t, dir.resolve("missing")))
          .hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("null"));
    } finally {
      server.stop(0);
    }
  }
}
