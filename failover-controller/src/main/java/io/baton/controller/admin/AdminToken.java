package io.baton.controller.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The admin API's bearer token ({@code controller.admin-token-file}): 256 random bits as hex, in a file only the
 * controller's user can read. Created at first start, read at every start; compared in constant time.
 */
public final class AdminToken {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  private final Path file;
  private final byte[] token;

  private AdminToken(Path file, String token) {
    this.file = file;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  public Path file() {
    return file;
  }

  /** Whether {@code presented} is the token; the time taken does not depend on where they differ. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the token, creating the file first if it is missing. Two controllers on one host may share the file:
   * the token is written to a private temporary file and linked into place, so a reader never sees a half
   * written file and the first writer wins.
   *
   * @throws IllegalStateException naming the file and the fix when it is unusable (empty, readable by others)
   */
  public static AdminToken loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      create(file);
    }
    return read(file);
  }

  /** Reads an existing token file, as the controller does at start. */
  public static AdminToken read(Path file) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(perms)) {
      throw new IllegalStateException("the admin token file " + file + " is readable by other users ("
          + PosixFilePermissions.toString(perms) + "); run 'chmod 600 " + file + "' (controller.admin-token-file)");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new IllegalStateException("the admin token file " + file + " is empty; delete it and the controller "
          + "creates a new token at start (controller.admin-token-file)");
    }
    return new AdminToken(file, text);
  }

  private static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
    }
    byte[] bits = new byte[32];
    new SecureRandom().nextBytes(bits);
    Path tmp = Files.createTempFile(dir, ".admin-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(tmp, HexFormat.of().formatHex(bits) + "\n", StandardCharsets.UTF_8);
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException e) {
      // another controller on this host made it first: use theirs
    } finally {
      try {
        Files.delete(tmp);
      } catch (NoSuchFileException ignored) {
        // already gone
      }
    }
  }
}
