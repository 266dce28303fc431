package io.baton.worlds.hadoop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.worlds.mock.LocalCluster;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a real NameNode over its HTTP server what it is: {@code /isActive} (200 active, 405 otherwise) and the
 * JMX bean {@code NameNodeStatus} (State, LastHATransitionTime). Every call has a timeout; no answer is empty.
 */
public final class NameNodeProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final Duration timeout;

  public NameNodeProbe(Duration timeout) {
    this.timeout = timeout;
  }

  /** The HA state the NameNode reports ("active", "standby", "observer"), empty when it does not answer. */
  public record Status(String state, long lastHaTransitionTimeMs) {}

  public Optional<Boolean> isActive(int httpPort) {
    return get(httpPort, "/isActive").map(r -> r.statusCode() == 200);
  }

  public Optional<Status> status(int httpPort) {
    return get(httpPort, "/jmx?qry=Hadoop:service=NameNode,name=NameNodeStatus")
        .filter(r -> r.statusCode() == 200)
        .flatMap(r -> {
          try {
            JsonNode beans = JSON.readTree(r.body()).path("beans");
            if (!beans.isArray() || beans.isEmpty()) {
              return Optional.empty();
            }
            JsonNode bean = beans.get(0);
            return Optional.of(new Status(bean.path("State").asText(""), bean.path("LastHATransitionTime").asLong(0)));
          } catch (IOException e) {
            return Optional.empty();
          }
        });
  }

  private Optional<HttpResponse<String>> get(int port, String path) {
    return LocalCluster.get(http, "http://" + HadoopConfWriter.HOST + ":" + port + path, timeout);
  }
}
