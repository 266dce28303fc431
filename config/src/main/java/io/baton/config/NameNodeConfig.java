package io.baton.config;

import java.util.Optional;

/**
 * One NameNode of a nameservice and its controller, with every per-NameNode suffix
 * ({@code key.<nsId>.<nnId>}) already applied.
 *
 * @param rpcAddress {@code dfs.namenode.rpc-address}: client RPC (default port 8020)
 * @param serviceRpcAddress {@code dfs.namenode.servicerpc-address}: when set, HA transitions go here
 * @param lifelineRpcAddress {@code dfs.namenode.lifeline.rpc-address}: when set, health checks go here
 * @param httpAddress {@code dfs.namenode.http-address} (default port 9870); the mock NameNode serves its
 *     namespace API and fault injection here
 * @param controllerPort {@code dfs.ha.zkfc.port} (8019): the controller's ZKFCProtocol port, on {@link #host()}
 * @param adminPort Baton's admin HTTP port for this NameNode's controller
 * @param fencing how to fence this NameNode when it is the old active
 */
public record NameNodeConfig(
    String nameserviceId,
    String id,
    HostPort rpcAddress,
    Optional<HostPort> serviceRpcAddress,
    Optional<HostPort> lifelineRpcAddress,
    HostPort httpAddress,
    int controllerPort,
    int adminPort,
    FencingConfig fencing) {

  /** The host the NameNode (and its controller) runs on: the host of the RPC address. */
  public String host() {
    return rpcAddress.host();
  }

  /** Where HAServiceProtocol transitions go: service RPC if configured, else client RPC (as Hadoop). */
  public HostPort haAddress() {
    return serviceRpcAddress.orElse(rpcAddress);
  }

  /** Where health checks go: lifeline if configured, else {@link #haAddress()} (HDFS-9311). */
  public HostPort healthAddress() {
    return lifelineRpcAddress.orElse(haAddress());
  }

  /** The controller's ZKFCProtocol address. */
  public HostPort controllerAddress() {
    return new HostPort(host(), controllerPort);
  }

  /** {@code ns1.nn1}: how logs and errors name this NameNode. */
  public String qualifiedId() {
    return nameserviceId + "." + id;
  }
}
