package io.baton.controller;

import io.baton.config.DeploymentConfig;
import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/** Turns a failed bind at start into an error naming the port, its key and the fix, instead of a stack trace. */
final class PortInUse {
  private PortInUse() {}

  /** The message when {@code failure} was caused by a port that cannot be bound; empty for any other failure. */
  static Optional<String> explain(Throwable failure, DeploymentConfig deployment, NameNodeConfig local) {
    if (!causedByBind(failure)) {
      return Optional.empty();
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
