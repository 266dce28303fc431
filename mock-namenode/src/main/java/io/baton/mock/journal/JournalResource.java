package io.baton.mock.journal;

import io.baton.mock.common.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** The journal node's HTTP API (JSON in, JSON out); the contract is in docs/mock-namenode.md. */
@Path("/journal/{journalId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class JournalResource {
  private static final int MAX_PAGE = 10_000;
  private final JournalRegistry journals;

  public JournalResource(JournalRegistry journals) {
    this.journals = journals;
  }

  public record EpochRequest(String writer, Long epoch) {}

  public record AppendRequest(Long epoch, Long txid, String op, String path, String data, String writer) {}

  public record RecordsPage(List<JournalRecord> records, long lastTxId, long promisedEpoch) {}

  @GET
  @Path("status")
  public Journal.Status status(@PathParam("journalId") String id) {
    return journals.get(id).status();
  }

  @POST
  @Path("epoch")
  public Journal.EpochGrant newEpoch(@PathParam("journalId") String id, EpochRequest req) {
    EpochRequest r = require(req, "{\"writer\":\"nn1\"} (optionally \"epoch\":N)");
    return journals.get(id).newEpoch(text(r.writer(), "writer"), Optional.ofNullable(r.epoch()));
  }

  @POST
  @Path("append")
  public JournalRecord append(@PathParam("journalId") String id, AppendRequest req) {
    AppendRequest r = require(req, "{\"epoch\":N,\"txid\":T,\"op\":\"write\",\"path\":\"/a\",\"data\":\"x\",\"writer\":\"nn1\"}");
    if (r.epoch() == null || r.txid() == null) {
      throw ApiException.badRequest("append needs numeric \"epoch\" and \"txid\"");
    }
    return journals.get(id).append(r.epoch(), r.txid(), text(r.op(), "op"), text(r.path(), "path"), r.data(),
        text(r.writer(), "writer"));
  }

  /** By txid ({@code fromTxId}, for tailing) or by position in the journal ({@code offset}, for a full read). */
  @GET
  @Path("records")
  public RecordsPage records(@PathParam("journalId") String id, @QueryParam("fromTxId") @DefaultValue("1") String fromText,
      @QueryParam("limit") @DefaultValue("1000") String limitText, @QueryParam("offset") String offsetText) {
    long from = number(fromText, "fromTxId");
    long limit = number(limitText, "limit");
    if (limit < 1 || limit > MAX_PAGE) {
      throw ApiException.badRequest("limit must be 1-" + MAX_PAGE + ", got " + limit);
    }
    Journal j = journals.get(id);
    Journal.Status s = j.status();
    if (offsetText != null) {
      long offset = number(offsetText, "offset");
      if (offset < 0) {
        throw ApiException.badRequest("offset must not be negative, got " + offset);
      }
      return new RecordsPage(j.recordsAt((int) Math.min(offset, Integer.MAX_VALUE), (int) limit), s.lastTxId(),
          s.promisedEpoch());
    }
    return new RecordsPage(j.records(from, (int) limit), s.lastTxId(), s.promisedEpoch());
  }

  private static long number(String text, String param) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter " + param + "='" + text + "' is not a whole number");
    }
  }

  private static <T> T require(T body, String example) {
    if (body == null) {
      throw ApiException.badRequest("a JSON body is required, e.g. " + example);
    }
    return body;
  }

  private static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("field \"" + field + "\" is required and must be a non-empty string");
    }
    return value;
  }
}
