package io.baton.mock.http;

import io.baton.mock.common.ApiException;
import io.baton.mock.fault.Fault;
import io.baton.mock.fault.FaultSpec;
import io.baton.mock.fault.Faults;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Runtime fault injection: {@code GET /v1/faults}, {@code POST /v1/faults {"fault":"slow=200ms"}},
 * {@code DELETE /v1/faults/<name>}, {@code DELETE /v1/faults} (clear all). Never blocked by faults.
 */
@Path("/v1/faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class FaultResource {
  private final Faults faults;

  public FaultResource(Faults faults) {
    this.faults = faults;
  }

  public record FaultRequest(String fault) {}

  public record FaultList(List<String> faults) {}

  @GET
  public FaultList list() {
    return new FaultList(faults.describe());
  }

  @POST
  public FaultList inject(FaultRequest req) {
    if (req == null || req.fault() == null) {
      throw ApiException.badRequest("a JSON body {\"fault\":\"<spec>\"} is required; faults: " + Fault.labels());
    }
    FaultSpec spec;
    try {
      spec = FaultSpec.parse(req.fault());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    faults.inject(spec);
    return list();
  }

  @DELETE
  public FaultList clearAll() {
    faults.clearAll();
    return list();
  }

  @DELETE
  @Path("{name}")
  public FaultList clear(@PathParam("name") String name) {
    try {
      faults.clear(Fault.byLabel(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return list();
  }
}
