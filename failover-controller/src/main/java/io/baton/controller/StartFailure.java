package io.baton.controller;

import io.baton.config.DeploymentConfig;
import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;

/**
 * Turns the failures an operator can fix (a port in use, an ACL or auth ZooKeeper refuses) into one line naming
 * the key and the fix, instead of an exception.
 */
final class StartFailure {
  private StartFailure() {}

  /** The message for a failure the operator can fix; empty for any other failure. */
  static Optional<String> explain(Throwable failure, DeploymentConfig deployment, NameNodeConfig local) {
    Optional<String> zk = zooKeeperRefusal(failure, deployment, local);
    if (zk.isPresent() || !causedByBind(failure)) {
      return zk;
    }
    HostPort controller = deployment.controllerBindAddress(local);
    HostPort admin = new HostPort(deployment.controller().adminBindAddress(), local.adminPort());
    if (!bindable(controller)) {
      return Optional.of(local.qualifiedId() + ": the controller port " + controller + " is in use (dfs.ha.zkfc.port."
          + local.qualifiedId() + "); stop what listens there, or give this NameNode another dfs.ha.zkfc.port");
    }
    if (!bindable(admin)) {
      return Optional.of(local.qualifiedId() + ": the admin port " + admin + " is in use (admin-port, by default"
          + " dfs.ha.zkfc.port + 71); stop what listens there, or set nameservices." + local.nameserviceId()
          + ".namenodes." + local.id() + ".admin-port in baton.yaml");
    }
    return Optional.of(local.qualifiedId() + ": a port could not be bound (" + rootMessage(failure)
        + "); check dfs.ha.zkfc.port and admin-port");
  }

  private static Optional<String> zooKeeperRefusal(Throwable t, DeploymentConfig deployment, NameNodeConfig local) {
    String acl = deployment.nameservice(local.nameserviceId()).map(ns -> ns.zookeeper().acl()).orElse("?");
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof KeeperException.InvalidACLException) {
        return Optional.of(local.qualifiedId() + ": ZooKeeper refused the ACL '" + acl + "' of ha.zookeeper.acl"
            + " (" + ((KeeperException) c).getPath() + "); write ids its schemes accept (ip: an address, digest:"
            + " user:base64-hash, sasl: a principal), e.g. world:anyone:rwcda");
      }
      if (c instanceof KeeperException.NoAuthException) {
        return Optional.of(local.qualifiedId() + ": ZooKeeper denied access to " + ((KeeperException) c).getPath()
            + "; set ha.zookeeper.auth to credentials the znode's ACL grants (see ha.zookeeper.acl)");
      }
    }
    return Optional.empty();
  }

  private static boolean causedByBind(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BindException || String.valueOf(c.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static boolean bindable(HostPort address) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(address.host(), address.port()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage();
  }
}
