package io.baton.controller.haadmin;

import io.baton.config.NameNodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.ha.HAServiceStatus;

/** The read-only Hadoop commands: {@code -getServiceState}, {@code -getAllServiceState}, {@code -checkHealth}. */
final class StateCommands {
  private StateCommands() {}

  /** Prints {@code active}, {@code standby}, {@code observer} or {@code initializing}, as Hadoop does. */
  static ExitCode getServiceState(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-getServiceState";
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(), Set.of()).expect(cmd, 1);
    NameNodeConfig nn = ctx.targets().namenode(a.positional().get(0));
    describe(reply, nn);
    try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().check())) {
      HAServiceStatus status = client.status();
      reply.out(status.getState().toString());
      putStatus(reply.json(), status);
    }
    return ExitCode.OK;
  }

  /**
   * One line per NameNode, Hadoop's format ({@code %-50s %-10s}: address, then the state or
   * {@code Failed to connect: ...}). Exits 0 even when some fail, as Hadoop: it is a report.
   */
  static ExitCode getAllServiceState(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-getAllServiceState";
    CommandArgs.parse(cmd, args, Set.of(), Set.of()).expect(cmd, 0);
    List<NameNodeConfig> nns = ctx.targets().nameservice().namenodes();
    List<Map<String, Object>> rows = Parallel.map(nns, nn -> stateRow(ctx, nn),
        ctx.timeouts().check().plusSeconds(5), (nn, failure) -> failedRow(nn, RpcFailures.firstLine(failure)));
    List<Object> json = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object state = row.containsKey("state") ? row.get("state") : "Failed to connect: " + row.get("error");
      reply.out(String.format("%-50s %-10s", row.get("address"), state));
      json.add(row);
    }
    reply.put("nameservice", nns.get(0).nameserviceId()).put("namenodes", json);
    return ExitCode.OK;
  }

  private static Map<String, Object> stateRow(Context ctx, NameNodeConfig nn) {
    try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().check())) {
      Map<String, Object> row = baseRow(nn);
      putStatus(row, client.status());
      return row;
    } catch (HaAdminException e) {
      Map<String, Object> row = failedRow(nn, e.getMessage());
      row.put("exitCode", e.exitCode().code());
      return row;
    }
  }

  private static Map<String, Object> failedRow(NameNodeConfig nn, String error) {
    Map<String, Object> row = baseRow(nn);
    row.put("error", error);
    return row;
  }

  private static Map<String, Object> baseRow(NameNodeConfig nn) {
    Map<String, Object> row = Reply.object();
    row.put("namenode", nn.id());
    row.put("address", nn.haAddress().toString());
    return row;
  }

  /** Runs the NameNode's health check; Hadoop prints nothing on success and "Health check failed: ..." else. */
  static ExitCode checkHealth(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-checkHealth";
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(), Set.of()).expect(cmd, 1);
    NameNodeConfig nn = ctx.targets().namenode(a.positional().get(0));
    describe(reply, nn);
    try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().check())) {
      client.monitorHealth();
      reply.put("healthy", true);
    } catch (HaAdminException e) {
      if (e.exitCode() != ExitCode.UNHEALTHY) {
        throw e;
      }
      reply.put("healthy", false);
      throw new HaAdminException(ExitCode.UNHEALTHY, "Health check failed: " + e.getMessage(), e);
    }
    return ExitCode.OK;
  }

  static void describe(Reply reply, NameNodeConfig nn) {
    reply.put("nameservice", nn.nameserviceId()).put("namenode", nn.id()).put("address", nn.haAddress().toString());
  }

  static void putStatus(Map<String, Object> json, HAServiceStatus status) {
    json.put("state", status.getState().toString());
    json.put("readyToBecomeActive", status.isReadyToBecomeActive());
    if (status.getNotReadyReason() != null && !status.getNotReadyReason().isEmpty()) {
      json.put("notReadyReason", status.getNotReadyReason());
    }
  }
}
