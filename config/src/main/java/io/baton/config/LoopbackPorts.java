package io.baton.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Hands out free loopback ports below the kernel's ephemeral range (32768+), so that a port we hand to a
 * child process is not taken meanwhile by some outgoing connection. Never hands out the same port twice.
 */
public final class LoopbackPorts {
  private static final int LOW = 12000;
  private static final int HIGH = 32000;
  private static final Set<Integer> handedOut = new HashSet<>();
  private static final Random random = new Random();

  private LoopbackPorts() {}

  public static synchronized int free() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = LOW + random.nextInt(HIGH - LOW);
      if (!handedOut.contains(port) && bindable(port)) {
        handedOut.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port found in " + LOW + "-" + HIGH + " after 200 tries");
  }

  /**
   * A free port {@code p} whose partner {@code p + offset} is free too; both are handed out. For a daemon whose
   * second port is derived from its first (Baton's admin port from {@code dfs.ha.zkfc.port}).
   */
  public static synchronized int freeWithPartner(int offset) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = LOW + random.nextInt(HIGH - LOW - offset);
      int partner = port + offset;
      if (!handedOut.contains(port) && !handedOut.contains(partner) && bindable(port) && bindable(partner)) {
        handedOut.add(port);
        handedOut.add(partner);
        return port;
      }
    }
    throw new IllegalStateException("no free port pair (offset " + offset + ") found in " + LOW + "-" + HIGH
        + " after 200 tries");
  }

  private static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
