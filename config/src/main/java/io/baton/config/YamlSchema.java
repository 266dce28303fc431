package io.baton.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of baton.yaml, built from {@link Settings}: reports unknown keys (with the closest valid one)
 * and sections that are not mappings. Leaf values are type-checked when they are read.
 */
final class YamlSchema {
  private static final String ANY_ID = "*";

  /** A section (children), a leaf (no children), or free-form {@code hadoop:}. */
  private static final class Node {
    final Map<String, Node> children = new LinkedHashMap<>();
    boolean freeForm;

    Node child(String name) {
      return children.computeIfAbsent(name, n -> new Node());
    }

    boolean isLeaf() {
      return children.isEmpty() && !freeForm;
    }
  }

  private final Node root = new Node();

  YamlSchema() {
    Node ns = root.child("nameservices").child(ANY_ID);
    Node nn = ns.child("namenodes").child(ANY_ID);
    for (Setting s : Settings.ALL) {
      add(nn, s.nnPath());
      add(ns, s.nsPath());
      add(root, s.globalPath());
    }
    root.child("hadoop").freeForm = true;
  }

  private static void add(Node at, String path) {
    if (path == null) {
      return;
    }
    Node n = at;
    for (String step : path.split("\\.")) {
      n = n.child(step);
    }
  }

  void check(YamlNode doc, Problems problems) {
    walk(doc, root, "", problems);
  }

  private void walk(YamlNode node, Node schema, String path, Problems problems) {
    if (schema.isLeaf() || node.isNull()) {
      return;
    }
    String where = YamlReader.FILE + ":" + node.line();
    if (node.kind() != YamlNode.Kind.MAPPING) {
      problems.add(path, where, "expected a mapping, got " + node.describe(),
          "write the keys of " + path + " indented below it");
      return;
    }
    if (schema.freeForm) {
      node.fields().forEach((k, v) -> {
        if (v.kind() != YamlNode.Kind.SCALAR) {
          problems.add(path + "." + k, YamlReader.FILE + ":" + v.line(), "expected a value, got " + v.describe(),
              "write Hadoop overrides as \"key\": \"value\"");
        }
      });
      return;
    }
    node.fields().forEach((name, child) -> {
      String childPath = path.isEmpty() ? name : path + "." + name;
      Node childSchema = schema.children.containsKey(ANY_ID) ? schema.children.get(ANY_ID) : schema.children.get(name);
      if (childSchema == null) {
        String closest = Suggestions.closest(name, schema.children.keySet()).orElse("");
        String suggestion = path.isEmpty() ? closest : path + "." + closest;
        problems.add(childPath, YamlReader.FILE + ":" + child.line(),
            "unknown key (did you mean '" + suggestion + "'?)",
            "rename or remove it; valid keys " + (path.isEmpty() ? "at the top level" : "under " + path) + ": "
                + String.join(", ", schema.children.keySet()));
        return;
      }
      walk(child, childSchema, childPath, problems);
    });
  }
}
