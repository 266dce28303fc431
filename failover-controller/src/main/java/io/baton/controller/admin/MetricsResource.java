package io.baton.controller.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Prometheus scrape endpoint. */
@Path("/metrics")
public final class MetricsResource {
  private final ControllerMetrics metrics;

  public MetricsResource(ControllerMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return metrics.render();
  }
}
