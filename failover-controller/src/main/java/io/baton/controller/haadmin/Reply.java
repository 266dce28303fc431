package io.baton.controller.haadmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command prints, collected so that the same run renders as Hadoop-compatible text or as one JSON
 * document: text lines for stdout and stderr, and the fields of the JSON document.
 */
final class Reply {
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();
  private final Map<String, Object> json = new LinkedHashMap<>();

  /** A stdout line (text mode only). */
  Reply out(String line) {
    out.add(line);
    return this;
  }

  /** A stderr line (both modes: diagnostics for the human watching). */
  Reply err(String line) {
    err.add(line);
    return this;
  }

  /** A field of the JSON document. */
  Reply put(String key, Object value) {
    json.put(key, value);
    return this;
  }

  List<String> outLines() {
    return out;
  }

  List<String> errLines() {
    return err;
  }

  Map<String, Object> json() {
    return json;
  }

  /** An ordered map for nested JSON objects. */
  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }
}
