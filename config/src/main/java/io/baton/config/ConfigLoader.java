package io.baton.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Loads a conf folder (core-site.xml, hdfs-site.xml, baton.yaml) into a validated {@link DeploymentConfig}.
 * Precedence per value: baton.yaml namenode > nameservice > global > Hadoop keys (most specific suffix first;
 * baton.yaml {@code hadoop:} overrides the XML) > defaults. Every problem is collected, none stops the others,
 * except an unparseable file (what follows from it would only be noise).
 */
public final class ConfigLoader {
  static final String YAML_FILE = YamlReader.FILE;

  private ConfigLoader() {}

  /** The validated configuration, or every problem found. */
  public static DeploymentConfig load(Path confDir, LoadOptions opts) throws ConfigException {
    LoadReport report = inspect(confDir, opts);
    if (!report.isValid()) {
      throw new ConfigException(report.problems());
    }
    return report.config().orElseThrow();
  }

  /** The effective configuration (when the files parse) and every problem; never throws. */
  public static LoadReport inspect(Path confDir, LoadOptions opts) {
    return inspect(confDir, opts, LocalAddresses.SYSTEM);
  }

  static LoadReport inspect(Path confDir, LoadOptions opts, LocalAddresses addresses) {
    return inspectWithOrigins(confDir, opts, addresses).report();
  }

  /** The report plus where each value came from, for {@code baton config}. */
  record Inspection(LoadReport report, Optional<SettingReader> settings) {}

  static Inspection inspectWithOrigins(Path confDir, LoadOptions opts, LocalAddresses addresses) {
    Problems problems = new Problems();
    Problems warnings = new Problems();
    try {
      Optional<Built> built = load(confDir, opts == null ? LoadOptions.none() : opts, addresses, problems, warnings);
      return new Inspection(new LoadReport(built.map(Built::config), problems.toList(), warnings.toList()),
          built.map(Built::settings));
    } catch (RuntimeException e) {
      problems.add("baton", null, "internal error while loading the configuration: " + e,
          "report this as a Baton bug, with the conf folder");
      return new Inspection(new LoadReport(Optional.empty(), problems.toList()), Optional.empty());
    }
  }

  private record Built(DeploymentConfig config, SettingReader settings) {}

  private static Optional<Built> load(Path dir, LoadOptions opts, LocalAddresses addresses, Problems problems,
      Problems warnings) {
    if (dir == null || !Files.isDirectory(dir)) {
      problems.add("--conf", null, "'" + dir + "' is not a folder",
          "pass --conf <folder> (or set HADOOP_CONF_DIR) with hdfs-site.xml and/or baton.yaml");
      return Optional.empty();
    }
    Path confDir = dir.toAbsolutePath().normalize();
    if (XmlReader.FILES.stream().noneMatch(f -> Files.exists(confDir.resolve(f)))
        && !Files.exists(confDir.resolve(YAML_FILE))) {
      problems.add("--conf", null, "'" + confDir + "' has none of core-site.xml, hdfs-site.xml, baton.yaml",
          "point --conf at the folder holding them, or create baton.yaml there (see examples/conf)");
      return Optional.empty();
    }
    HadoopLayer hadoop = new HadoopLayer();
    boolean xmlOk = new XmlReader(problems).read(confDir, hadoop);
    Optional<YamlNode> yaml = readYaml(confDir, problems);
    if (!xmlOk || yaml.isEmpty()) {
      return Optional.empty();
    }
    YamlNode root = yaml.get();
    new YamlSchema().check(root, problems);
    applyHadoopOverrides(root, hadoop);

    SettingReader settings = new SettingReader(root, hadoop, problems);
    List<NameserviceConfig> nameservices = new TopologyBuilder(settings, hadoop, root, confDir, problems).build();
    GlobalSettingsBuilder global = new GlobalSettingsBuilder(settings, root, confDir, problems);
    HealthMonitorConfig health = global.healthMonitor();
    FailoverConfig failover = global.failover();
    ControllerConfig controller = global.controller();
    JournalNodeConfig journal = global.journalNode();
    new ConfigRules(settings, problems, warnings).check(nameservices, health, failover);
    LocalNameNodeResolver.Result local = new LocalNameNodeResolver(hadoop, addresses, problems)
        .resolve(nameservices, opts);

    DeploymentConfig config = new DeploymentConfig(confDir, nameservices, local.local(), local.reason(), health,
        failover, controller, journal, hadoopProperties(hadoop, settings, nameservices));
    runValidators(config, problems);
    return Optional.of(new Built(config, settings));
  }

  private static Optional<YamlNode> readYaml(Path confDir, Problems problems) {
    Path file = confDir.resolve(YAML_FILE);
    if (!Files.exists(file)) {
      return Optional.of(YamlNode.empty());
    }
    try {
      return new YamlReader(problems).read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(YAML_FILE, null, "exists but cannot be read (" + e.getMessage() + ")",
          "make " + file + " a readable UTF-8 file, or remove it");
      return Optional.empty();
    }
  }

  /** baton.yaml {@code hadoop:} entries are raw Hadoop keys that win over the XML files. */
  private static void applyHadoopOverrides(YamlNode root, HadoopLayer hadoop) {
    root.at(List.of("hadoop")).filter(n -> n.kind() == YamlNode.Kind.MAPPING).ifPresent(section ->
        section.fields().forEach((key, value) -> {
          if (value.kind() == YamlNode.Kind.SCALAR && !value.isNull()) {
            hadoop.put(key, value.text(), YAML_FILE + ":" + value.line());
          }
        }));
  }

  /** The Hadoop view of the effective configuration: XML, hadoop: overrides, then what baton.yaml set. */
  private static Map<String, String> hadoopProperties(HadoopLayer hadoop, SettingReader settings,
      List<NameserviceConfig> nameservices) {
    Map<String, String> props = new LinkedHashMap<>(hadoop.values());
    props.putAll(settings.yamlAsHadoop());
    if (!nameservices.isEmpty()) {
      props.put(TopologyBuilder.NAMESERVICES_KEY, String.join(",", nameservices.stream()
          .map(NameserviceConfig::id).toList()));
    }
    for (NameserviceConfig ns : nameservices) {
      if (!ns.namenodes().isEmpty()) {
        props.put(TopologyBuilder.NAMENODES_KEY + "." + ns.id(), String.join(",", ns.namenodeIds()));
      }
    }
    return props;
  }

  /** Contributed checks (e.g. the fencing module's method parser); a failing validator is a problem too. */
  private static void runValidators(DeploymentConfig config, Problems problems) {
    Iterator<ConfigValidator> validators = ServiceLoader.load(ConfigValidator.class).iterator();
    while (true) {
      ConfigValidator validator;
      try {
        if (!validators.hasNext()) {
          return;
        }
        validator = validators.next();
      } catch (ServiceConfigurationError e) {
        problems.add("baton", null, "a configuration validator cannot be loaded: " + e.getMessage(),
            "check the classpath (bin/baton builds it from the module's target/classpath.txt)");
        continue;
      }
      try {
        List<ConfigProblem> found = validator.validate(config);
        if (found != null) {
          problems.addAll(found);
        }
      } catch (RuntimeException e) {
        problems.add("baton", null, "validator " + validator.getClass().getName() + " failed: " + e,
            "report this as a Baton bug");
      }
    }
  }
}
