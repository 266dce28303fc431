package io.baton.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A configured network address, as written in the configuration (not resolved). */
public record HostPort(String host, int port) {
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0-65535");
    }
  }

  /**
   * Parses {@code host:port} or {@code host} (then {@code defaultPort}); IPv6 literals go in brackets.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static HostPort parse(String text, int defaultPort) {
    String s = Objects.requireNonNull(text, "text").trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("address is empty; write host:port");
    }
    String host;
    String portText = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + s + "' opens '[' without ']'; write [ipv6]:port");
      }
      host = s.substring(1, close);
      if (close + 1 < s.length()) {
        if (s.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("'" + s + "' has text after ']'; write [ipv6]:port");
        }
        portText = s.substring(close + 2);
      }
    } else {
      int colon = s.lastIndexOf(':');
      if (colon >= 0 && s.indexOf(':') != colon) {
        throw new IllegalArgumentException("'" + s + "' has several ':'; write IPv6 addresses as [ipv6]:port");
      }
      host = colon < 0 ? s : s.substring(0, colon);
      portText = colon < 0 ? null : s.substring(colon + 1);
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("'" + s + "' has no host; write host:port");
    }
    int port = defaultPort;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' has port '" + portText + "', which is not a number");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("'" + s + "' has port " + port + ", outside 0-65535");
      }
    }
    return new HostPort(host, port);
  }

  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
