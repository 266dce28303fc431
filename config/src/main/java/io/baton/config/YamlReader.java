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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads baton.yaml with Jackson's streaming YAML parser into {@link YamlNode}s that remember their lines
 * (Jackson's own tree model forgets them).
 */
final class YamlReader {
  static final String FILE = "baton.yaml";
  private static final Pattern MARK = Pattern.compile("line (\\d+), column \\d+");

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
      YamlNode root = node(p, first, p.currentTokenLocation().getLineNr(), "");
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
      String detail = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
      int line = lastMarkLine(detail).orElse(e.getLocation() == null ? -1 : e.getLocation().getLineNr());
      problems.add(FILE, line > 0 ? FILE + ":" + line : FILE, "malformed YAML: " + describe(detail),
          "fix the YAML syntax (indent with spaces, 'key: value', quote values that contain ': ' or '#')");
      return Optional.empty();
    } catch (IOException e) {
      problems.add(FILE, null, "cannot be read: " + e.getMessage(), "make the file readable");
      return Optional.empty();
    }
  }

  private YamlNode node(JsonParser p, JsonToken token, int line, String path) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          String childPath = path.isEmpty() ? name : path + "." + name;
          int keyLine = p.currentTokenLocation().getLineNr();
          YamlNode value = node(p, p.nextToken(), keyLine, childPath);
          if (fields.containsKey(name)) {
            problems.add(childPath, FILE + ":" + keyLine,
                "is written twice (first at line " + fields.get(name).line() + ")",
                "keep one of them");
          }
          fields.put(name, value);
        }
        return YamlNode.mapping(line, fields);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(node(p, t, p.currentTokenLocation().getLineNr(), path + "[" + items.size() + "]"));
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

  /**
   * SnakeYAML's text is "context / mark / problem / mark" over several lines; keep the sentences
   * ("expected ..., but got ... (while parsing ...)") and drop the source excerpts.
   */
  private static String describe(String message) {
    List<String> sentences = message.lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::strip)
        .toList();
    if (sentences.isEmpty()) {
      return message.strip();
    }
    String problem = sentences.get(sentences.size() - 1);
    return sentences.size() == 1 ? problem : problem + " (" + sentences.get(0) + ")";
  }

  /** The line of the last "line N, column M" mark: where the parser gave up. */
  private static Optional<Integer> lastMarkLine(String message) {
    Matcher m = MARK.matcher(message);
    Integer line = null;
    while (m.find()) {
      line = Integer.parseInt(m.group(1));
    }
    return Optional.ofNullable(line);
  }
}
