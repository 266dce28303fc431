package io.baton.worlds.mock;

import io.baton.config.LoopbackPorts;

/** The ports of one NameNode and its controller in a local cluster, all on 127.0.0.1. */
public record LocalNameNodePorts(String id, int rpcPort, int httpPort, int controllerPort, int adminPort) {

  static LocalNameNodePorts allocate(String id) {
    return new LocalNameNodePorts(id, LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
  }
}
