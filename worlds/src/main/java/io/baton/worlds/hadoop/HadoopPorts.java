package io.baton.worlds.hadoop;

import io.baton.config.LoopbackPorts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loopback ports of one hadoop world, handed out once. */
public record HadoopPorts(Map<String, NameNodePorts> namenodes, List<JournalNodePorts> journalNodes) {
  /**
   * Baton's documented default (docs/config.md): admin port = dfs.ha.zkfc.port + 71. The world writes
   * only the zkfc port, as an operator does, and finds Baton's admin API by this rule.
   */
  public static final int BATON_ADMIN_PORT_OFFSET = 71;

  /** A NameNode's RPC and HTTP ports, its controller's ZKFC RPC port and Baton's admin API port (derived). */
  public record NameNodePorts(int rpc, int http, int zkfc, int admin) {}

  public record JournalNodePorts(int rpc, int http) {}

  public static HadoopPorts allocate(HadoopWorldSpec spec) {
    Map<String, NameNodePorts> nns = new LinkedHashMap<>();
    for (String id : spec.namenodeIds()) {
      int zkfc = LoopbackPorts.freeWithPartner(BATON_ADMIN_PORT_OFFSET);
      nns.put(id, new NameNodePorts(LoopbackPorts.free(), LoopbackPorts.free(), zkfc,
          zkfc + BATON_ADMIN_PORT_OFFSET));
    }
    List<JournalNodePorts> jns = java.util.stream.IntStream.range(0, spec.journalNodes())
        .mapToObj(i -> new JournalNodePorts(LoopbackPorts.free(), LoopbackPorts.free())).toList();
    return new HadoopPorts(java.util.Collections.unmodifiableMap(nns), jns);
  }

  public NameNodePorts namenode(String id) {
    NameNodePorts p = namenodes.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no NameNode " + id + " in this world (" + namenodes.keySet() + ")");
    }
    return p;
  }
}
