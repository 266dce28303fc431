package io.baton.fencing;

import java.util.Optional;

/**
 * The arguments of {@code sshfence([[user][:port]])}: user defaults to the user running Baton (as Hadoop's
 * {@code user.name}), port to 22.
 */
record SshFenceArgs(String user, int port) {
  static final int DEFAULT_PORT = 22;
  private static final String FORMS = "write sshfence, sshfence(user), sshfence(user:port) or sshfence(:port)";

  static SshFenceArgs parse(Optional<String> args, String defaultUser) {
    if (args.isEmpty()) {
      return new SshFenceArgs(defaultUser, DEFAULT_PORT);
    }
    String text = args.get();
    int colon = text.indexOf(':');
    String user = colon < 0 ? text : text.substring(0, colon);
    if (user.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("sshfence user '" + user + "' contains whitespace; " + FORMS);
    }
    if (colon < 0) {
      return new SshFenceArgs(user, DEFAULT_PORT);
    }
    String portText = text.substring(colon + 1);
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sshfence port '" + portText + "' is not a number; " + FORMS);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("sshfence port " + port + " is outside 1-65535; " + FORMS);
    }
    return new SshFenceArgs(user.isEmpty() ? defaultUser : user, port);
  }
}
