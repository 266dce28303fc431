package io.baton.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code qjournal://host:port;host:port/journalId} and {@code file:///path}. */
final class SharedEditsParser {
  static final int JOURNAL_PORT = 8485;
  private static final String SCHEME = "qjournal://";
  private static final String FILE_SCHEME = "file:";

  private SharedEditsParser() {}

  /** @throws IllegalArgumentException naming what is wrong */
  static SharedEdits parse(String text) {
    String s = text.strip();
    if (s.startsWith(FILE_SCHEME)) {
      return directory(s);
    }
    if (!s.startsWith(SCHEME)) {
      throw new IllegalArgumentException("'" + s + "' is neither a qjournal:// URI (quorum journal) nor a file://"
          + " URI (a shared directory such as NFS)");
    }
    String rest = s.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash < 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("'" + s + "' has no journal id after the hosts");
    }
    String journalId = rest.substring(slash + 1);
    if (!journalId.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("'" + s + "' has journal id '" + journalId
          + "'; use letters, digits, '.', '-' and '_'");
    }
    List<HostPort> nodes = new ArrayList<>();
    for (String part : rest.substring(0, slash).split(";", -1)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException("'" + s + "' has an empty journal node address");
      }
      HostPort hp;
      try {
        hp = HostPort.parse(part, JOURNAL_PORT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + s + "': journal node " + e.getMessage(), e);
      }
      if (hp.port() == 0) {
        throw new IllegalArgumentException("'" + s + "': journal node '" + part + "' has port 0");
      }
      nodes.add(hp);
    }
    return new SharedEditsConfig(nodes, journalId);
  }

  private static SharedEditsDirectory directory(String s) {
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid file:// URI: " + e.getReason(), e);
    }
    if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
      throw new IllegalArgumentException("'" + s + "' names no absolute directory");
    }
    return new SharedEditsDirectory(s);
  }
}
