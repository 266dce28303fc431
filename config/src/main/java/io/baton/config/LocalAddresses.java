package io.baton.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Tells whether a configured host names an address of this machine (seam for tests). */
@FunctionalInterface
interface LocalAddresses {
  boolean isLocal(String host);

  /**
   * Hadoop's rule (DFSUtil's local address matcher, NetUtils.isLocalAddress): the name's first address is a
   * wildcard, a loopback or an address of one of this machine's interfaces. The lookup is bounded: a hung DNS
   * lookup counts as "not local", as an unresolvable name does for Hadoop.
   */
  LocalAddresses SYSTEM = host -> {
    CompletableFuture<Boolean> lookup = CompletableFuture.supplyAsync(() -> {
      try {
        InetAddress a = InetAddress.getByName(host);
        return a.isAnyLocalAddress() || a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
      } catch (UnknownHostException | SocketException e) {
        return false;
      }
    });
    try {
      return lookup.get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      lookup.cancel(true);
      return false;
    }
  };
}
