package io.baton.config;

import java.util.List;

/**
 * One configurable value: where baton.yaml may set it (per NameNode, per nameservice, globally), which
 * Hadoop keys carry it and with which suffixes, its type and default. {@link Settings} lists them all.
 *
 * @param nnPath path below {@code nameservices.<ns>.namenodes.<nn>}, or null
 * @param nsPath path below {@code nameservices.<ns>}, or null
 * @param globalPath path from the document root, or null
 * @param hadoopKeys Hadoop keys in priority order (the first one set wins)
 * @param suffix which {@code .<ns>} / {@code .<ns>.<nn>} suffixes the Hadoop keys take
 * @param defaultText the default in baton.yaml syntax, or null when there is none
 * @param meaning one line for the reference documentation
 */
record Setting(
    String nnPath,
    String nsPath,
    String globalPath,
    List<String> hadoopKeys,
    Suffix suffix,
    Kind kind,
    String defaultText,
    String meaning) {

  /** Hadoop's suffix rules (NameNode.NAMENODE_SPECIFIC_KEYS, NAMESERVICE_SPECIFIC_KEYS, DFSUtil.setGenericConf). */
  enum Suffix {
    /** only {@code key} */
    NONE,
    /** {@code key.<ns>}, then {@code key} */
    NS,
    /** {@code key.<ns>.<nn>}, then {@code key.<ns>}, then {@code key} */
    NS_NN,
    /** only {@code key.<ns>.<nn>} (the NameNode addresses) */
    NN_ONLY
  }

  /** Value types; Hadoop durations are whole milliseconds, YAML durations carry a unit. */
  enum Kind { DURATION, DURATION_OR_ZERO, BOOLEAN, INT, STRING, SECRET, PATH, LIST, LINES }

  Setting {
    hadoopKeys = List.copyOf(hadoopKeys);
  }

  /** The path a user would write in baton.yaml at the widest level allowed, for docs and defaults. */
  String yamlName() {
    if (globalPath != null) {
      return globalPath;
    }
    if (nsPath != null) {
      return "nameservices.<ns>." + nsPath;
    }
    return "nameservices.<ns>.namenodes.<nn>." + nnPath;
  }
}
