package io.baton.worlds.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.mock.LocalClusterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what the demo shows: each NameNode's /status and each controller's /v1/status, with short timeouts. */
final class ClusterView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMillis(400);

  private final LocalCluster cluster;

  ClusterView(LocalCluster cluster) {
    this.cluster = cluster;
  }

  /** One row of the status table. */
  record Row(String nn, String process, String haState, String epoch, String controller, String adminUrl) {}

  List<Row> rows() {
    LocalClusterSpec spec = cluster.spec();
    List<Row> rows = new ArrayList<>();
    for (String id : spec.namenodeIds()) {
      boolean alive = cluster.namenodeProcess(id).map(p -> p.isAlive()).orElse(false);
      Optional<JsonNode> nn = json(spec.httpUrl(id) + "/status");
      Optional<JsonNode> zkfc = json(spec.adminUrl(id) + "/v1/status");
      rows.add(new Row(id,
          alive ? "running" : "down",
          nn.map(n -> text(n, "state")).orElse(alive ? "not answering" : "-"),
          zkfc.map(z -> text(z, "epoch")).filter(s -> !s.equals("-")).orElse(nn.map(n -> text(n, "epoch")).orElse("-")),
          zkfc.map(z -> text(z, "state")).orElse(cluster.controllerProcess(id).map(p -> p.isAlive()).orElse(false)
              ? "starting" : "down"),
          spec.adminUrl(id)));
    }
    return rows;
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    String fmt = "  %-6s %-9s %-14s %-6s %-18s %s%n";
    sb.append(String.format(fmt, "NN", "PROCESS", "HA STATE", "EPOCH", "CONTROLLER", "ADMIN API"));
    for (Row r : rows()) {
      sb.append(String.format(fmt, r.nn(), r.process(), r.haState(), r.epoch(), r.controller(), r.adminUrl()));
    }
    return sb.toString();
  }

  Optional<JsonNode> json(String url) {
    return cluster.get(url, TIMEOUT).filter(r -> r.statusCode() == 200).flatMap(r -> {
      try {
        return Optional.of(JSON.readTree(r.body()));
      } catch (Exception e) {
        return Optional.empty();
      }
    });
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "-" : v.asText().toLowerCase(java.util.Locale.ROOT);
  }
}
