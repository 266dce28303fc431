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

  /** Resolves the name (bounded: a hung DNS lookup counts as "not local") and checks the interfaces. */
  LocalAddresses SYSTEM = host -> {
    CompletableFuture<Boolean> lookup = CompletableFuture.supplyAsync(() -> {
      try {
        for (InetAddress a : InetAddress.getAllByName(host)) {
          if (!a.isAnyLocalAddress() && (a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null)) {
            return true;
          }
        }
        return false;
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
