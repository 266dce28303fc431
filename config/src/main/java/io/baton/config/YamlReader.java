package io.baton.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads baton.yaml with Jackson's streaming YAML parser into {@link YamlNode}s that remember their lines
 * (Jackson's own tree model forgets them).
 */
final class YamlReader {
  static final String FILE = "baton.yaml";

  private final Problems problems;

  YamlReader(Problems problems) {
    this.problems = problems;
  }

  /** The document's root mapping; empty (after recording a problem) when the text cannot be used. */
  Optional<YamlNode> read(String text) {
    try (Reader reader = new StringReader(text); JsonParser p = new YAMLFactory().createParser(reader)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Optional.of(YamlNode.empty());
      }
      YamlNode root = node(p, first, p.currentTokenLocation().getLineNr());
      if (p.nextToken() != null) {
        problems.add(FILE, FILE + ":" + p.currentTokenLocation().getLineNr(), "holds more than one YAML document",
            "keep a single document (remove the extra '---')");
        return Optional.empty();
      }
      if (root.kind() != YamlNode.Kind.MAPPING) {
        if (root.isNull()) {
          return Optional.of(YamlNode.empty());
        }
        problems.add(FILE, FILE + ":" + root.line(), "the document is " + root.describe() + ", not a mapping",
            "start the file with top-level keys such as 'nameservices:' or 'zookeeper:'");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      problems.add(FILE, line > 0 ? FILE + ":" + line : FILE, "malformed YAML: " + firstLine(e.getOriginalMessage()),
          "fix the YAML syntax (indent with spaces, 'key: value', quote values that contain ': ' or '#')");
      return Optional.empty();
    } catch (IOException e) {
      problems.add(FILE, FILE, "cannot be read: " + e.getMessage(), "make the file readable");
      return Optional.empty();
    }
  }

  private YamlNode node(JsonParser p, JsonToken token, int line) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          YamlNode value = node(p, p.nextToken(), keyLine);
          if (fields.containsKey(name)) {
            problems.add(name, FILE + ":" + keyLine, "is written twice (first at line " + fields.get(name).line() + ")",
                "keep one of them");
          }
          fields.put(name, value);
        }
        return YamlNode.mapping(line, fields);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(node(p, t, p.currentTokenLocation().getLineNr()));
        }
        return YamlNode.sequence(line, items);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return YamlNode.scalar(line, p.getText(), YamlNode.ScalarType.NUMBER);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return YamlNode.scalar(line, p.getText(), YamlNode.ScalarType.BOOLEAN);
      }
      case VALUE_NULL -> {
        return YamlNode.scalar(line, "", YamlNode.ScalarType.NULL);
      }
      default -> {
        return YamlNode.scalar(line, p.getText(), YamlNode.ScalarType.STRING);
      }
    }
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
