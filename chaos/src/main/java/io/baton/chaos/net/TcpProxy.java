package io.baton.chaos.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP forwarder that one link of the cluster goes through (e.g. "nn1's host to zk2"), so that the
 * link can be cut without root: while cut, bytes are neither read nor forwarded and new connections are accepted
 * but not connected onwards. That is what a silent partition (dropped packets) looks like to both ends: no error,
 * only timeouts. Healing lets the held bytes flow again, as TCP retransmission would. A cut can also be partial
 * ({@link Cut}): only the replies, or only new connections.
 */
public final class TcpProxy implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);
  private static final int CONNECT_TIMEOUT_MS = 2000;
  private static final int BUFFER = 16 * 1024;

  private final String name;
  private final InetSocketAddress target;
  private final ServerSocket server;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private volatile Cut cut = Cut.NONE;
  private volatile boolean closed;

  /** What a cut holds. Held bytes flow on heal; a held connection is connected onwards on heal. */
  public enum Cut {
    /** Everything flows. */
    NONE,
    /** A silent partition: no new connection, no bytes either way. */
    ALL,
    /**
     * The target's bytes (replies) are held, the client's bytes (requests) reach it: one-way packet loss on an
     * established connection. New connections hang, as a TCP handshake needs both ways.
     */
    REPLIES,
    /** New connections hang, established ones flow (iptables {@code --ctstate NEW -j DROP}). */
    NEW_CONNECTIONS
  }

  /** Listens on {@code listenPort} of 127.0.0.1 (0 = any free port) and forwards to {@code target}. */
  public TcpProxy(String name, int listenPort, InetSocketAddress target) throws IOException {
    this.name = name;
    this.target = target;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
    Thread acceptor = new Thread(this::acceptLoop, "proxy-" + name);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public String name() {
    return name;
  }

  public boolean isCut() {
    return cut != Cut.NONE;
  }

  public Cut cutState() {
    return cut;
  }

  /** A silent partition of this link (both ways, new connections too). */
  public void cut() {
    cut(Cut.ALL);
  }

  public void cut(Cut how) {
    synchronized (gate) {
      cut = how;
      gate.notifyAll();
    }
    if (how == Cut.NONE) {
      log.info("{}: link healed", name);
    } else {
      log.info("{}: link cut ({})", name, how);
    }
  }

  public void heal() {
    cut(Cut.NONE);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        start("in", () -> connect(client));
      } catch (IOException e) {
        if (!closed) {
          log.warn("{}: accept failed: {}", name, e.toString());
        }
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      awaitOpen(Flow.CONNECT);
      Socket upstream = new Socket();
      sockets.add(upstream);
      upstream.connect(target, CONNECT_TIMEOUT_MS);
      start("up", () -> pump(client, upstream, Flow.REQUESTS));
      pump(upstream, client, Flow.REPLIES);
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      closeQuietly(client);
    }
  }

  /** Copies from one socket to the other, holding the bytes while the link is cut. */
  private void pump(Socket from, Socket to, Flow flow) {
    byte[] buf = new byte[BUFFER];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      while (true) {
        awaitOpen(flow);
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        awaitOpen(flow);
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** What passes through the proxy: connection set-up, client-to-target bytes, target-to-client bytes. */
  private enum Flow { CONNECT, REQUESTS, REPLIES }

  private static boolean held(Cut cut, Flow flow) {
    return switch (cut) {
      case NONE -> false;
      case ALL -> true;
      case REPLIES -> flow != Flow.REQUESTS;
      case NEW_CONNECTIONS -> flow == Flow.CONNECT;
    };
  }

  private void awaitOpen(Flow flow) throws InterruptedException, SocketException {
    synchronized (gate) {
      while (held(cut, flow) && !closed) {
        gate.wait(1000);
      }
    }
    if (closed) {
      throw new SocketException(name + " closed");
    }
  }

  private void start(String role, Runnable r) {
    Thread t = new Thread(r, "proxy-" + name + "-" + role);
    t.setDaemon(true);
    t.start();
  }

  private void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing a broken socket: nothing left to do
    }
    sockets.remove(s);
  }

  @Override
  public void close() {
    closed = true;
    synchronized (gate) {
      gate.notifyAll();
    }
    try {
      server.close();
    } catch (IOException ignored) {
      // best effort at shutdown
    }
    sockets.forEach(this::closeQuietly);
  }

  @Override
  public String toString() {
    return name + "(127.0.0.1:" + port() + " -> " + target.getHostString() + ":" + target.getPort() + ")";
  }
}
