package io.baton.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of baton.yaml with the line it was written on, so every problem can say where.
 * For a mapping entry the line is the line of its key.
 */
record YamlNode(
    Kind kind, int line, String text, ScalarType scalarType, Map<String, YamlNode> fields, List<YamlNode> items) {

  enum Kind { MAPPING, SEQUENCE, SCALAR }

  enum ScalarType { STRING, NUMBER, BOOLEAN, NULL }

  YamlNode {
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    items = items == null ? List.of() : List.copyOf(items);
  }

  static YamlNode scalar(int line, String text, ScalarType type) {
    return new YamlNode(Kind.SCALAR, line, text, type, null, null);
  }

  static YamlNode mapping(int line, Map<String, YamlNode> fields) {
    return new YamlNode(Kind.MAPPING, line, null, null, fields, null);
  }

  static YamlNode sequence(int line, List<YamlNode> items) {
    return new YamlNode(Kind.SEQUENCE, line, null, null, null, items);
  }

  static YamlNode empty() {
    return mapping(1, Map.of());
  }

  boolean isNull() {
    return kind == Kind.SCALAR && scalarType == ScalarType.NULL;
  }

  /** The node at {@code path} below this one (mappings only); empty when any step is missing or not a mapping. */
  Optional<YamlNode> at(List<String> path) {
    YamlNode node = this;
    for (String step : path) {
      if (node.kind != Kind.MAPPING || !node.fields.containsKey(step)) {
        return Optional.empty();
      }
      node = node.fields.get(step);
    }
    return Optional.of(node);
  }

  /** How problems name the shape of this node: "a mapping", "a list", "the number 10"... */
  String describe() {
    return switch (kind) {
      case MAPPING -> "a mapping";
      case SEQUENCE -> "a list";
      case SCALAR -> switch (scalarType) {
        case NULL -> "nothing";
        case NUMBER -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case STRING -> "'" + text + "'";
      };
    };
  }
}
