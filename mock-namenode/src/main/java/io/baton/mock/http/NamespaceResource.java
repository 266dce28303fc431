package io.baton.mock.http;

import io.baton.mock.common.ApiException;
import io.baton.mock.fault.Faults;
import io.baton.mock.fs.Namespace;
import io.baton.mock.fs.NamespaceOp;
import io.baton.mock.ha.NameNodeState;
import io.baton.mock.ha.WriteAck;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InterruptedIOException;

/**
 * The namespace API: {@code /v1/fs/<path>}. PUT writes a file (body = content), POST {@code ?op=append|mkdir},
 * DELETE removes ({@code ?recursive=true} for non-empty directories), GET reads a file or lists a directory.
 * Only the active writes; a standby answers 503 {@code {"error":"standby"}}; an observer serves reads.
 */
@Path("/v1/fs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class NamespaceResource {
  private final NameNodeState state;
  private final Faults faults;

  public NamespaceResource(NameNodeState state, Faults faults) {
    this.state = state;
    this.faults = faults;
  }

  @GET
  @Path("{path: .*}")
  public Namespace.Entry read(@PathParam("path") String path) {
    gate();
    return state.read(Namespace.normalize("/" + path));
  }

  @PUT
  @Path("{path: .*}")
  public WriteAck write(@PathParam("path") String path, String body) {
    gate();
    return state.write(NamespaceOp.write(Namespace.normalize("/" + path), body == null ? "" : body));
  }

  @POST
  @Path("{path: .*}")
  public WriteAck post(@PathParam("path") String path, @QueryParam("op") String op, String body) {
    gate();
    String p = Namespace.normalize("/" + path);
    if ("append".equals(op)) {
      return state.write(NamespaceOp.append(p, body == null ? "" : body));
    }
    if ("mkdir".equals(op)) {
      return state.write(NamespaceOp.mkdir(p));
    }
    throw ApiException.badRequest("POST needs ?op=append or ?op=mkdir, got op=" + op);
  }

  @DELETE
  @Path("{path: .*}")
  public WriteAck delete(@PathParam("path") String path, @QueryParam("recursive") @DefaultValue("false") String recursive) {
    gate();
    if (!recursive.equals("true") && !recursive.equals("false")) {
      throw ApiException.badRequest("recursive must be true or false, got '" + recursive + "'");
    }
    return state.write(NamespaceOp.delete(Namespace.normalize("/" + path), recursive.equals("true")));
  }

  private void gate() {
    try {
      faults.beforeCall();
    } catch (InterruptedIOException e) {
      throw new ApiException(503, "unavailable", e.getMessage());
    }
  }
}
