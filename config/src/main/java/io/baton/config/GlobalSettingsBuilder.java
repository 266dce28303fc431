package io.baton.config;

import java.nio.file.Path;
import java.util.Optional;

/** Builds the settings that apply to the whole deployment: health monitor, failover, controller, journal node. */
final class GlobalSettingsBuilder {
  private final SettingReader s;
  private final YamlNode yaml;
  private final Path confDir;
  private final Problems problems;

  GlobalSettingsBuilder(SettingReader settings, YamlNode yaml, Path confDir, Problems problems) {
    this.s = settings;
    this.yaml = yaml;
    this.confDir = confDir;
    this.problems = problems;
  }

  HealthMonitorConfig healthMonitor() {
    Scope g = Scope.GLOBAL;
    return new HealthMonitorConfig(
        s.duration(Settings.HM_CHECK_INTERVAL, g),
        s.duration(Settings.HM_CONNECT_RETRY_INTERVAL, g),
        s.duration(Settings.HM_SLEEP_AFTER_DISCONNECT, g),
        s.duration(Settings.HM_RPC_TIMEOUT, g),
        s.integer(Settings.HM_CONNECT_MAX_RETRIES, g, 0, 100));
  }

  FailoverConfig failover() {
    Scope g = Scope.GLOBAL;
    return new FailoverConfig(
        s.duration(Settings.FO_NEW_ACTIVE_TIMEOUT, g),
        s.duration(Settings.FO_GRACEFUL_FENCE_TIMEOUT, g),
        s.integer(Settings.FO_GRACEFUL_FENCE_RETRIES, g, 0, 100),
        s.duration(Settings.FO_CLI_CHECK_TIMEOUT, g),
        s.integer(Settings.FO_ZK_OP_RETRIES, g, 1, 100),
        s.duration(Settings.FO_RETRY_BACKOFF, g),
        s.duration(Settings.FO_MAX_RETRY_BACKOFF, g));
  }

  ControllerConfig controller() {
    Scope g = Scope.GLOBAL;
    String bind = s.string(Settings.ADMIN_BIND_ADDRESS, g).orElse("127.0.0.1");
    if (bind.isBlank()) {
      problems.add(s.origin(Settings.ADMIN_BIND_ADDRESS, g), "is empty", "write an address such as 127.0.0.1");
      bind = "127.0.0.1";
    }
    return new ControllerConfig(bind, tls(), s.bool(Settings.METRICS, g),
        s.duration(Settings.ANTI_FLAPPING_WINDOW, g),
        s.duration(Settings.FAILBACK_DELAY, g),
        s.duration(Settings.MAINTENANCE_EXPIRY, g),
        s.duration(Settings.FENCING_DRILL_INTERVAL, g),
        adminAuth(bind));
  }

  /** {@code controller.admin-auth} and friends; {@code none} beyond loopback is refused. */
  private AdminAuthConfig adminAuth(String bind) {
    Scope g = Scope.GLOBAL;
    AdminAuthConfig.Mode mode = choice(Settings.ADMIN_AUTH, AdminAuthConfig.Mode.values(), AdminAuthConfig.Mode.TOKEN);
    AdminAuthConfig.ReadAccess read = choice(Settings.ADMIN_READ_ACCESS, AdminAuthConfig.ReadAccess.values(),
        AdminAuthConfig.ReadAccess.LOOPBACK);
    String file = s.string(Settings.ADMIN_TOKEN_FILE, g).orElse(AdminAuthConfig.DEFAULT_TOKEN_FILE);
    Path token;
    if (file.isBlank()) {
      s.problem(Settings.ADMIN_TOKEN_FILE, g, "is empty", "write a file path, e.g. " + AdminAuthConfig.DEFAULT_TOKEN_FILE);
      token = AdminAuthConfig.expandHome(AdminAuthConfig.DEFAULT_TOKEN_FILE);
    } else {
      Path p = AdminAuthConfig.expandHome(file);
      token = p.isAbsolute() ? p : confDir.resolve(p);
    }
    if (mode == AdminAuthConfig.Mode.NONE && !AdminAuthConfig.isLoopback(bind)) {
      s.problem(Settings.ADMIN_AUTH, g, "is none, but controller.admin-bind-address is " + bind
          + ", beyond loopback: anyone who reaches that address could pause failover or cede the active",
          "remove controller.admin-auth (the default, token, needs the token from controller.admin-token-file), "
              + "or bind the admin API to 127.0.0.1");
    }
    return new AdminAuthConfig(mode, token, read);
  }

  /** One of an enum's values, written in lower case; anything else is a problem naming the valid ones. */
  private <E extends Enum<E>> E choice(Setting setting, E[] values, E fallback) {
    String text = s.string(setting, Scope.GLOBAL).orElse(setting.defaultText());
    for (E v : values) {
      if (v.name().equalsIgnoreCase(text.strip())) {
        return v;
      }
    }
    String valid = String.join(", ", java.util.Arrays.stream(values)
        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList());
    s.problem(setting, Scope.GLOBAL, "'" + text + "' is not one of " + valid, "write one of " + valid);
    return fallback;
  }

  JournalNodeConfig journalNode() {
    return new JournalNodeConfig(s.path(Settings.JOURNAL_EDITS_DIR, Scope.GLOBAL)
        .orElse(Path.of(Settings.JOURNAL_EDITS_DIR.defaultText())));
  }

  /** HTTPS for the admin API when {@code controller.tls} is present: keystore and password are then required. */
  private Optional<ControllerConfig.TlsConfig> tls() {
    Optional<YamlNode> section = yaml.at(java.util.List.of("controller", "tls")).filter(n -> !n.isNull());
    if (section.isEmpty()) {
      return Optional.empty();
    }
    Scope g = Scope.GLOBAL;
    String where = YamlReader.FILE + ":" + section.get().line();
    Optional<String> keystore = s.string(Settings.TLS_KEYSTORE, g);
    Optional<String> password = s.string(Settings.TLS_KEYSTORE_PASSWORD, g);
    String type = s.string(Settings.TLS_KEYSTORE_TYPE, g).orElse("PKCS12");
    if (keystore.isEmpty()) {
      problems.add("controller.tls.keystore", where, "is not set, but controller.tls is",
          "set controller.tls.keystore to a keystore file, or remove controller.tls for plain HTTP");
    }
    if (password.isEmpty()) {
      problems.add("controller.tls.keystore-password", where, "is not set, but controller.tls is",
          "set controller.tls.keystore-password");
    }
    Optional<Path> file = keystore.flatMap(k -> Files2.readableFile(confDir, k, s.origin(Settings.TLS_KEYSTORE, g),
        "the admin API cannot serve HTTPS", problems));
    if (file.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ControllerConfig.TlsConfig(file.get(), new Secret(password.get()), type));
  }
}
