package io.baton.controller.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/audit}: the last mutating calls of the admin API, oldest first (needs the token). */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
  private final AdminAudit audit;

  public AuditResource(AdminAudit audit) {
    this.audit = audit;
  }

  @GET
  public List<AdminAudit.Entry> entries() {
    return audit.entries();
  }
}
