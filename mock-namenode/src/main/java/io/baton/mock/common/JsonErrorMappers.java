package io.baton.mock.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error leaves the HTTP APIs as {@code {"error":..., "message":...}}, never as an HTML page or a stack trace. */
public final class JsonErrorMappers {
  private static final Logger log = LoggerFactory.getLogger(JsonErrorMappers.class);

  private JsonErrorMappers() {}

  public static List<Object> all(String nodeId) {
    return List.of(new Api(), new Malformed(), new Web(), new Unexpected(nodeId));
  }

  static Response json(int status, String error, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(error, message)).build();
  }

  static final class Api implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      return json(e.status(), e.error(), e.getMessage());
    }
  }

  static final class Malformed implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return json(400, "bad_request", "malformed JSON body: " + e.getOriginalMessage()
          + "; send a JSON object as documented in docs/mock-namenode.md");
    }
  }

  static final class Web implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String path = uri == null ? "?" : "/" + uri.getPath();
      return switch (status) {
        case 404 -> json(404, "not_found", "no such endpoint: " + path + "; see docs/mock-namenode.md for the API");
        case 405 -> json(405, "method_not_allowed", "method not allowed on " + path);
        case 415 -> json(415, "unsupported_media_type", "unsupported Content-Type on " + path + "; send application/json");
        default -> json(status, "http_" + status, e.getMessage());
      };
    }
  }

  static final class Unexpected implements ExceptionMapper<RuntimeException> {
    private final String nodeId;

    Unexpected(String nodeId) {
      this.nodeId = nodeId;
    }

    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof WebApplicationException w) {
        return new Web().toResponse(w);
      }
      log.error("{}: unexpected error serving a request", nodeId, e);
      return json(500, "internal", e.toString());
    }
  }
}
