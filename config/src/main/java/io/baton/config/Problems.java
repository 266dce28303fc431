package io.baton.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects every problem found while loading, in the order found. */
final class Problems {
  private final List<ConfigProblem> list = new ArrayList<>();

  void add(String key, String location, String message, String fix) {
    add(new ConfigProblem(key, Optional.ofNullable(location), message, fix));
  }

  void add(Origin origin, String message, String fix) {
    add(new ConfigProblem(origin.key(), origin.location(), message, fix));
  }

  /** A value shared by several NameNodes is checked once per NameNode; report it once. */
  void add(ConfigProblem problem) {
    if (!list.contains(problem)) {
      list.add(problem);
    }
  }

  void addAll(List<ConfigProblem> problems) {
    problems.forEach(this::add);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  List<ConfigProblem> toList() {
    return List.copyOf(list);
  }
}
