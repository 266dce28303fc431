package io.baton.controller.zk;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Baton's own znodes hold one readable line of {@code key=value} fields, so that {@code zkCli get} shows them. */
final class ZnodeText {
  private ZnodeText() {}

  static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8).trim();
  }

  /** What a znode holds, for a message: quoted text when it is printable, else hex; at most 64 characters. */
  static String preview(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    boolean printable = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    String shown = printable ? "'" + text + "'" : "bytes " + ActiveNodeInfo.hex(data);
    return shown.length() > 64 ? shown.substring(0, 61) + "..." : shown;
  }

  static Map<String, String> fields(String text) {
    Map<String, String> fields = new HashMap<>();
    for (String part : text.split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return fields;
  }
}
