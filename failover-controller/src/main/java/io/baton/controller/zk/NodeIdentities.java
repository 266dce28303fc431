package io.baton.controller.zk;

import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the NameNodes of a nameservice to the ActiveNodeInfo Hadoop writes for them, and back. */
public final class NodeIdentities {
  private static final Logger log = LoggerFactory.getLogger(NodeIdentities.class);
  private final NameserviceConfig nameservice;

  public NodeIdentities(NameserviceConfig nameservice) {
    this.nameservice = Objects.requireNonNull(nameservice, "nameservice");
  }

  /** As Hadoop's ZKFC: the hostname is the one resolved for the configured HA address (127.0.0.1 -> localhost). */
  public ActiveNodeInfo infoOf(NameNodeConfig nn) {
    InetSocketAddress address = new InetSocketAddress(nn.haAddress().host(), nn.haAddress().port());
    return new ActiveNodeInfo(nn.nameserviceId(), nn.id(), address.getHostName(), nn.haAddress().port(),
        nn.controllerPort());
  }

  /**
   * The configured NameNode the data names. A stored address that differs from the configured one is logged
   * (Hadoop refuses it as "Mismatched address stored in ZK"); the id still identifies what to fence.
   */
  public Optional<String> namenodeIdOf(byte[] data) {
    ActiveNodeInfo info;
    try {
      info = ActiveNodeInfo.decode(data);
    } catch (IllegalArgumentException e) {
      log.warn("{}: unreadable election data: {}", nameservice.id(), e.getMessage());
      return Optional.empty();
    }
    if (!info.nameserviceId().equals(nameservice.id())) {
      log.warn("{}: election data names nameservice {} (NameNode {})", nameservice.id(), info.nameserviceId(),
          info.namenodeId());
      return Optional.empty();
    }
    Optional<NameNodeConfig> nn = nameservice.namenode(info.namenodeId());
    if (nn.isEmpty()) {
      log.warn("{}: election data names unknown NameNode {}", nameservice.id(), info.namenodeId());
      return Optional.empty();
    }
    if (!sameAddress(info, nn.get())) {
      log.warn("{}: mismatched address stored in ZK for {}: {}:{}, configured {}", nameservice.id(), info.namenodeId(),
          info.hostname(), info.port(), nn.get().haAddress());
    }
    return Optional.of(info.namenodeId());
  }

  /** A name for whoever the data names, for status and logs, also when it is not one of ours. */
  public String describe(byte[] data) {
    return namenodeIdOf(data).orElseGet(() -> {
      try {
        ActiveNodeInfo i = ActiveNodeInfo.decode(data);
        return i.nameserviceId() + "." + i.namenodeId() + "@" + i.hostname() + ":" + i.port();
      } catch (IllegalArgumentException e) {
        return "unknown(" + ActiveNodeInfo.hex(data) + ")";
      }
    });
  }

  private static boolean sameAddress(ActiveNodeInfo info, NameNodeConfig nn) {
    if (info.port() != nn.haAddress().port()) {
      return false;
    }
    try {
      return InetAddress.getByName(info.hostname()).equals(InetAddress.getByName(nn.haAddress().host()));
    } catch (UnknownHostException e) {
      return info.hostname().equals(nn.haAddress().host());
    }
  }
}
