package io.baton.worlds.hadoop;

import io.baton.config.LoopbackPorts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loopback ports of one hadoop world, handed out once. */
public record HadoopPorts(Map<String, NameNodePorts> namenodes, List<JournalNodePorts> journalNodes) {

  /** A NameNode's RPC and HTTP ports, its controller's ZKFC RPC port and Baton's admin API port. */
  public record NameNodePorts(int rpc, int http, int zkfc, int admin) {}

  public record JournalNodePorts(int rpc, int http) {}

  public static HadoopPorts allocate(HadoopWorldSpec spec) {
    Map<String, NameNodePorts> nns = new LinkedHashMap<>();
    for (String id : spec.namenodeIds()) {
      nns.put(id, new NameNodePorts(LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(),
          LoopbackPorts.free()));
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
