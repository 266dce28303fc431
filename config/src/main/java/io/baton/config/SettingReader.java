package io.baton.config;

import io.baton.config.Setting.Kind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves a {@link Setting} for a scope (namenode > nameservice > global baton.yaml > Hadoop keys with their
 * suffixes > default), converts it to its type, and remembers where each value came from. A value that
 * cannot be converted becomes a problem and the default stands in, so loading can go on and find the rest.
 */
final class SettingReader {
  private final YamlNode yaml;
  private final HadoopLayer hadoop;
  private final Problems problems;
  private final Map<String, Origin> origins = new HashMap<>();
  private final Map<String, String> yamlAsHadoop = new LinkedHashMap<>();
  private final Set<Origin> broken = new HashSet<>();

  SettingReader(YamlNode yaml, HadoopLayer hadoop, Problems problems) {
    this.yaml = yaml;
    this.hadoop = hadoop;
    this.problems = problems;
  }

  /** A value as found, before conversion. */
  private record Raw(String text, YamlNode node, Origin origin) {}

  /** Where the value of {@code s} for {@code scope} came from (after it was read). */
  Origin origin(Setting s, Scope scope) {
    return origins.getOrDefault(s.yamlName() + "@" + scope, Origin.defaulted(defaultKey(s)));
  }

  /** Hadoop keys for the values baton.yaml set, so a Hadoop Configuration sees what Baton sees. */
  Map<String, String> yamlAsHadoop() {
    return yamlAsHadoop;
  }

  /**
   * Reports a value that cannot be used. Rules skip broken values: the default standing in for them would
   * only produce follow-on problems (e.g. two NameNodes "sharing" the default port).
   */
  void problem(Setting s, Scope scope, String message, String fix) {
    Origin o = origin(s, scope);
    broken.add(o);
    problems.add(o, message, fix);
  }

  /** Whether the value of {@code s} for {@code scope} was reported as unusable. */
  boolean isBroken(Setting s, Scope scope) {
    return broken.contains(origin(s, scope));
  }

  private void fail(Raw raw, String message, String fix) {
    broken.add(raw.origin());
    problems.add(raw.origin(), message, fix);
  }

  boolean isSet(Setting s, Scope scope) {
    return find(s, scope) != null;
  }

  Duration duration(Setting s, Scope scope) {
    Raw raw = resolve(s, scope);
    Duration fallback = s.defaultText() == null ? Duration.ofSeconds(1) : Durations.parse(s.defaultText());
    if (raw == null) {
      return fallback;
    }
    Duration d;
    if (raw.node() != null) {
      if (!scalar(raw, "a duration such as 10s")) {
        return fallback;
      }
      try {
        d = Durations.parse(raw.text());
      } catch (IllegalArgumentException e) {
        fail(raw, e.getMessage(), Durations.FORMAT_HINT);
        return fallback;
      }
    } else {
      try {
        d = Duration.ofMillis(Long.parseLong(raw.text().strip()));
      } catch (NumberFormatException e) {
        fail(raw, "'" + raw.text() + "' is not a whole number of milliseconds",
            "write milliseconds as digits only, e.g. " + fallback.toMillis());
        return fallback;
      }
    }
    boolean zeroOk = s.kind() == Kind.DURATION_OR_ZERO;
    if (d.isNegative() || (d.isZero() && !zeroOk)) {
      fail(raw, (zeroOk ? "must not be negative" : "must be positive") + ", got " + raw.text(),
          zeroOk ? "use 0s to turn it off, or a positive duration such as " + s.defaultText()
              : "use a duration above zero, such as " + s.defaultText());
      return fallback;
    }
    writeBack(s, scope, raw, Long.toString(d.toMillis()));
    return d;
  }

  boolean bool(Setting s, Scope scope) {
    Raw raw = resolve(s, scope);
    boolean fallback = Boolean.parseBoolean(s.defaultText());
    if (raw == null) {
      return fallback;
    }
    if (raw.node() != null && raw.node().kind() != YamlNode.Kind.SCALAR) {
      return scalar(raw, "true or false") && fallback;
    }
    String t = raw.text().strip().toLowerCase(Locale.ROOT);
    boolean typed = raw.node() == null || raw.node().scalarType() == YamlNode.ScalarType.BOOLEAN;
    if (!typed || !(t.equals("true") || t.equals("false"))) {
      fail(raw, "'" + raw.text() + "' is not a boolean", "write true or false");
      return fallback;
    }
    writeBack(s, scope, raw, t);
    return Boolean.parseBoolean(t);
  }

  /** A whole number in [min, max]. */
  int integer(Setting s, Scope scope, int min, int max) {
    Raw raw = resolve(s, scope);
    int fallback = s.defaultText() == null ? min : Integer.parseInt(s.defaultText());
    if (raw == null) {
      return fallback;
    }
    if (raw.node() != null && !scalar(raw, "a whole number")) {
      return fallback;
    }
    boolean typed = raw.node() == null || raw.node().scalarType() == YamlNode.ScalarType.NUMBER;
    int value;
    try {
      if (!typed) {
        throw new NumberFormatException();
      }
      value = Integer.parseInt(raw.text().strip());
    } catch (NumberFormatException e) {
      fail(raw, "'" + raw.text() + "' is not a whole number", "write digits only, e.g. " + fallback);
      return fallback;
    }
    if (value < min || value > max) {
      fail(raw, value + " is outside " + min + "-" + max, "use a number from " + min + " to " + max);
      return fallback;
    }
    writeBack(s, scope, raw, Integer.toString(value));
    return value;
  }

  Optional<String> string(Setting s, Scope scope) {
    Raw raw = resolve(s, scope);
    if (raw == null) {
      return Optional.ofNullable(s.defaultText());
    }
    if (raw.node() != null && !scalar(raw, "text")) {
      return Optional.ofNullable(s.defaultText());
    }
    writeBack(s, scope, raw, raw.text());
    return Optional.of(raw.text().strip());
  }

  Optional<Path> path(Setting s, Scope scope) {
    Optional<String> text = string(s, scope);
    if (text.isEmpty() || text.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text.get()));
    } catch (InvalidPathException e) {
      problem(s, scope, "'" + text.get() + "' is not a valid path: " + e.getReason(), "write a file path");
      return Optional.empty();
    }
  }

  /** A YAML list (or one comma-separated string), or a Hadoop comma list. */
  List<String> list(Setting s, Scope scope) {
    Raw raw = resolve(s, scope);
    if (raw == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    if (raw.node() != null && raw.node().kind() == YamlNode.Kind.SEQUENCE) {
      Optional<List<String>> items = items(raw);
      if (items.isEmpty()) {
        return List.of();
      }
      values.addAll(items.get());
    } else if (raw.node() == null || scalar(raw, "a list")) {
      values.addAll(Arrays.asList(raw.text().split(",")));
    }
    List<String> clean = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    writeBack(s, scope, raw, String.join(",", clean));
    return clean;
  }

  /** Multi-line text; a YAML list is joined with newlines. */
  String lines(Setting s, Scope scope) {
    Raw raw = resolve(s, scope);
    if (raw == null) {
      return s.defaultText() == null ? "" : s.defaultText();
    }
    String text;
    if (raw.node() != null && raw.node().kind() == YamlNode.Kind.SEQUENCE) {
      Optional<List<String>> items = items(raw);
      if (items.isEmpty()) {
        return "";
      }
      text = String.join("\n", items.get());
    } else if (raw.node() == null || scalar(raw, "text or a list")) {
      // One method per line, as Hadoop's NodeFencer reads it; indentation from the XML is noise.
      text = String.join("\n", raw.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    } else {
      return "";
    }
    writeBack(s, scope, raw, text);
    return text;
  }

  /** The items of a YAML list of plain values; empty (after a problem) when an item is a list or mapping. */
  private Optional<List<String>> items(Raw raw) {
    List<String> items = new ArrayList<>();
    for (YamlNode item : raw.node().items()) {
      if (item.kind() != YamlNode.Kind.SCALAR) {
        fail(raw, "holds " + item.describe() + " at line " + item.line(), "list plain values only");
        return Optional.empty();
      }
      items.add(item.text().strip());
    }
    return Optional.of(items);
  }

  private boolean scalar(Raw raw, String expected) {
    if (raw.node().kind() == YamlNode.Kind.SCALAR) {
      return true;
    }
    fail(raw, "expected " + expected + ", got " + raw.node().describe(), "write " + expected);
    return false;
  }

  private Raw resolve(Setting s, Scope scope) {
    Raw raw = find(s, scope);
    origins.put(s.yamlName() + "@" + scope, raw == null ? Origin.defaulted(defaultKey(s)) : raw.origin());
    return raw;
  }

  private Raw find(Setting s, Scope scope) {
    List<List<String>> yamlPaths = new ArrayList<>();
    if (scope.nn() != null && s.nnPath() != null) {
      yamlPaths.add(concat(List.of("nameservices", scope.ns(), "namenodes", scope.nn()), s.nnPath()));
    }
    if (scope.ns() != null && s.nsPath() != null) {
      yamlPaths.add(concat(List.of("nameservices", scope.ns()), s.nsPath()));
    }
    if (s.globalPath() != null) {
      yamlPaths.add(concat(List.of(), s.globalPath()));
    }
    for (List<String> path : yamlPaths) {
      Optional<YamlNode> node = yaml.at(path).filter(n -> !n.isNull());
      if (node.isPresent()) {
        Origin o = new Origin(String.join(".", path), Optional.of(YamlReader.FILE + ":" + node.get().line()),
            Origin.Source.YAML);
        return new Raw(node.get().text() == null ? "" : node.get().text(), node.get(), o);
      }
    }
    for (String key : s.hadoopKeys()) {
      for (String candidate : suffixed(key, s.suffix(), scope)) {
        Optional<String> v = hadoop.get(candidate);
        if (v.isPresent()) {
          return new Raw(v.get(), null, hadoop.origin(candidate));
        }
      }
    }
    return null;
  }

  private void writeBack(Setting s, Scope scope, Raw raw, String hadoopText) {
    if (raw.origin().source() == Origin.Source.YAML && !s.hadoopKeys().isEmpty()) {
      yamlAsHadoop.put(suffixed(s.hadoopKeys().get(0), s.suffix(), scope).get(0), hadoopText);
    }
  }

  /** Candidate Hadoop keys, most specific first. */
  static List<String> suffixed(String key, Setting.Suffix suffix, Scope scope) {
    List<String> keys = new ArrayList<>();
    boolean nn = scope.nn() != null;
    boolean ns = scope.ns() != null;
    switch (suffix) {
      case NN_ONLY -> {
        if (nn) {
          keys.add(key + "." + scope.ns() + "." + scope.nn());
        }
      }
      case NS_NN -> {
        if (nn) {
          keys.add(key + "." + scope.ns() + "." + scope.nn());
        }
        if (ns) {
          keys.add(key + "." + scope.ns());
        }
        keys.add(key);
      }
      case NS -> {
        if (ns) {
          keys.add(key + "." + scope.ns());
        }
        keys.add(key);
      }
      default -> keys.add(key);
    }
    return keys.isEmpty() ? List.of(key) : keys;
  }

  private static String defaultKey(Setting s) {
    return s.hadoopKeys().isEmpty() ? s.yamlName() : s.hadoopKeys().get(0);
  }

  private static List<String> concat(List<String> prefix, String dotted) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(Arrays.stream(dotted.split("\\.")).collect(Collectors.toList()));
    return all;
  }
}
