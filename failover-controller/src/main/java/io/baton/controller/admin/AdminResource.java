package io.baton.controller.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.controller.FailoverController;
import io.baton.controller.FencingDrills;
import io.baton.controller.core.Effect;
import io.baton.controller.core.Event;
import io.baton.controller.core.Pause;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.ha.ServiceFailedException;

/** The controller's admin API, {@code /v1/...}: JSON in, JSON out; errors are {@code {"error","message"}}. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AdminResource {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
  private final String nameservice;
  private final FailoverController controller;
  private final FencingDrills drills;

  public AdminResource(String nameservice, FailoverController controller, FencingDrills drills) {
    this.nameservice = nameservice;
    this.controller = controller;
    this.drills = drills;
  }

  /** The last fencing drill against each peer ({@code controller.fencing-drill-interval}); fences nothing. */
  @GET
  @Path("/fencing-drill")
  public java.util.List<FencingDrills.Result> fencingDrill() {
    return drills.results();
  }

  /** Runs the fencing drill against every peer now and answers the results. */
  @POST
  @Path("/fencing-drill")
  public java.util.List<FencingDrills.Result> runFencingDrill() {
    drills.runNow();
    return drills.results();
  }

  @GET
  @Path("/status")
  public Views.StatusView status() {
    return Views.status(nameservice, controller.runtime().status(), 5);
  }

  @GET
  @Path("/timeline")
  public java.util.List<Views.FailoverView> timeline() {
    return controller.runtime().status().recentFailovers().stream().map(Views::failover).toList();
  }

  @GET
  @Path("/explain")
  public Views.ExplainView explain() {
    var s = controller.runtime().status();
    return new Views.ExplainView(s.nodeId(), s.state().name(), s.explain());
  }

  /** Body {@code {"millis": 10000}} (optional, default 10000); ≤ 0 means "may re-join now". */
  @POST
  @Path("/cede")
  public Response cede(JsonNode body) {
    long millis = 10_000;
    if (body != null && body.has("millis")) {
      if (!body.get("millis").canConvertToLong()) {
        return bad("'millis' must be a whole number of milliseconds, got " + body.get("millis"));
      }
      millis = body.get("millis").asLong();
    }
    return reply(controller.runtime().cede(Duration.ofMillis(millis)));
  }

  /** Graceful failover to this node; answers once it is active (or why not). */
  @POST
  @Path("/failover")
  public Response failover() {
    try {
      String message = controller.gracefulFailover().run("graceful failover requested over the admin API");
      return Response.ok(new Views.ReplyView(true, message)).build();
    } catch (ServiceFailedException e) {
      return Response.status(Response.Status.CONFLICT).entity(new Views.ErrorView("failover_failed",
          e.getMessage())).build();
    }
  }

  /** Body {@code {"reason": "...", "expiry": "30m"}}; reason is required, expiry defaults to the configured one. */
  @POST
  @Path("/pause")
  public Response pause(JsonNode body) {
    if (body == null || !body.hasNonNull("reason") || body.get("reason").asText().isBlank()) {
      return bad("'reason' is required: say why automatic failover is paused, e.g. {\"reason\":\"upgrading nn2\"}");
    }
    Optional<Duration> expiry = Optional.empty();
    if (body.hasNonNull("expiry")) {
      Matcher m = DURATION.matcher(body.get("expiry").asText().strip());
      if (!m.matches() || m.group(1).length() > 9) {
        return bad("'expiry' is '" + body.get("expiry").asText() + "'; write a whole number with a unit: 500ms, 10s, "
            + "30m, 2h or 1d");
      }
      expiry = Optional.of(toDuration(Long.parseLong(m.group(1)), m.group(2)));
      if (expiry.get().isZero()) {
        return bad("'expiry' must be more than zero");
      }
    }
    String reason = body.get("reason").asText();
    Optional<String> invalid = Pause.invalid(reason, expiry);
    if (invalid.isPresent()) {
      return bad(invalid.get());
    }
    Optional<Duration> e = expiry;
    return reply(controller.runtime().request(id -> new Event.PauseRequested(id, reason, e)));
  }

  @POST
  @Path("/resume")
  public Response resume() {
    return reply(controller.runtime().request(Event.ResumeRequested::new));
  }

  private static Duration toDuration(long n, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static Response reply(CompletableFuture<Effect.Reply> future) {
    try {
      Effect.Reply r = future.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return Response.status(r.ok() ? 200 : 409).entity(new Views.ReplyView(r.ok(), r.message())).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.status(503).entity(new Views.ErrorView("interrupted", "interrupted")).build();
    } catch (Exception e) {
      return Response.status(503).entity(new Views.ErrorView("unavailable", "the controller did not answer within "
          + REPLY_TIMEOUT.toSeconds() + " s: " + e)).build();
    }
  }

  private static Response bad(String message) {
    return Response.status(400).entity(new Views.ErrorView("bad_request", message)).build();
  }
}
