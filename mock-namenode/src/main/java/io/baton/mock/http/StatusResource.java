package io.baton.mock.http;

import io.baton.mock.fault.Faults;
import io.baton.mock.ha.NameNodeState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InterruptedIOException;
import java.util.List;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;

/** {@code GET /status} (JSON, never blocked by faults) and Hadoop's {@code GET /isActive} (200 or 405). */
@Path("/")
public final class StatusResource {
  private final String nodeId;
  private final String nameserviceId;
  private final NameNodeState state;
  private final Faults faults;
  private final String journal;

  public StatusResource(String nodeId, String nameserviceId, NameNodeState state, Faults faults, String journal) {
    this.nodeId = nodeId;
    this.nameserviceId = nameserviceId;
    this.state = state;
    this.faults = faults;
    this.journal = journal;
  }

  /**
   * @param state what the node acts as; {@code reportedState} is what HAServiceProtocol says (they differ only
   *     for a zombie)
   * @param lastHaTransitionTime when {@code state} last changed, epoch ms, 0 if never (Hadoop's NameNodeStatus
   *     JMX bean has the same {@code LastHATransitionTime})
   */
  public record Status(String id, String nameservice, String state, String reportedState, long epoch, long lastTxId,
      List<String> faults, String fencedReason, String journal, long pid, long lastHaTransitionTime) {}

  @GET
  @Path("status")
  @Produces(MediaType.APPLICATION_JSON)
  public Status status() {
    NameNodeState.Snapshot s = state.snapshot();
    return new Status(nodeId, nameserviceId, s.acting().toString(), s.reported().toString(), s.epoch(), s.lastTxId(),
        faults.describe(), s.fencedReason().orElse(null), journal, ProcessHandle.current().pid(),
        s.lastHaTransitionTime());
  }

  /** A thread dump, as Hadoop's {@code /stacks} (the ZKFC fetches it when its NameNode turns unhealthy). */
  @GET
  @Path("stacks")
  @Produces(MediaType.TEXT_PLAIN)
  public String stacks() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new com.codahale.metrics.jvm.ThreadDump(java.lang.management.ManagementFactory.getThreadMXBean()).dump(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @GET
  @Path("isActive")
  @Produces(MediaType.TEXT_PLAIN)
  public Response isActive() {
    try {
      faults.beforeCall();
    } catch (InterruptedIOException e) {
      return Response.status(503).entity(e.getMessage()).build();
    }
    return state.snapshot().acting() == HAServiceState.ACTIVE
        ? Response.ok("I am Active!").build()
        : Response.status(405).entity("I am not Active!").build();
  }
}
