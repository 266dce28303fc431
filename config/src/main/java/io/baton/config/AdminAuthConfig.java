package io.baton.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who may use the controller's admin API (baton.yaml {@code controller.admin-auth},
 * {@code controller.admin-token-file}, {@code controller.admin-read-access}).
 *
 * @param mode {@code token}: mutating calls and diagnostics need {@code Authorization: Bearer <token>};
 *     {@code none}: no credential (only allowed while the admin API binds to loopback)
 * @param tokenFile the token the controller creates at first start (mode 0600) and haadmin reads
 * @param readAccess who may read status and metrics without the token
 */
public record AdminAuthConfig(Mode mode, Path tokenFile, ReadAccess readAccess) {
  /** The default of {@code controller.admin-token-file}, below the user's home folder. */
  public static final String DEFAULT_TOKEN_FILE = "~/.baton/admin-token";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  public enum Mode {
    TOKEN, NONE;

    public String yaml() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum ReadAccess {
    /** reads without the token only from the controller's host */
    LOOPBACK,
    /** reads without the token from anywhere */
    ANY,
    /** every request needs the token */
    AUTHENTICATED;

    public String yaml() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AdminAuthConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(tokenFile, "tokenFile");
    Objects.requireNonNull(readAccess, "readAccess");
  }

  /** Token auth, the default token file, reads open on loopback. */
  public static AdminAuthConfig defaults() {
    return new AdminAuthConfig(Mode.TOKEN, expandHome(DEFAULT_TOKEN_FILE), ReadAccess.LOOPBACK);
  }

  /** The defaults with another token file (test kits keep theirs inside their work folders). */
  public static AdminAuthConfig tokenAt(Path tokenFile) {
    return new AdminAuthConfig(Mode.TOKEN, tokenFile, ReadAccess.LOOPBACK);
  }

  public boolean required() {
    return mode == Mode.TOKEN;
  }

  /** {@code ~/x} is below the user's home folder, as in a shell. */
  public static Path expandHome(String path) {
    String p = path.strip();
    if (p.equals("~") || p.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(p.equals("~") ? "" : p.substring(2));
    }
    return Path.of(p);
  }

  /**
   * Whether an admin bind address is loopback only: {@code localhost} or a loopback IP literal. Other host names
   * are not resolved and count as beyond loopback, the safe side.
   */
  public static boolean isLoopback(String bindAddress) {
    String a = bindAddress == null ? "" : bindAddress.strip();
    if (a.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean literal = IPV4.matcher(a).matches() || a.contains(":");
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(a.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
