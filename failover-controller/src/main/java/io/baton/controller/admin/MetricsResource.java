package io.baton.controller.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Prometheus scrape endpoint, in the text format and content type of Prometheus's own writer. */
@Path("/metrics")
public final class MetricsResource {
  private final ControllerMetrics metrics;

  public MetricsResource(ControllerMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  public Response scrape() {
    return Response.ok(metrics.render(), ControllerMetrics.contentType()).build();
  }
}
