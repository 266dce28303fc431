package io.baton.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** File checks with problems that name the file; relative paths are relative to the conf folder. */
final class Files2 {
  private Files2() {}

  static Optional<Path> readableFile(Path confDir, String name, Origin origin, String consequence, Problems problems) {
    Path p;
    try {
      p = confDir.resolve(name.strip());
    } catch (InvalidPathException e) {
      problems.add(origin, "'" + name + "' is not a valid path", "write a file path");
      return Optional.empty();
    }
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      problems.add(origin, "cannot read '" + p + "' (" + (Files.exists(p) ? "not a readable file" : "no such file")
          + "); " + consequence, "create the file or fix the path");
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** Hadoop's {@code @/path/file} indirection: the file's text, trimmed. */
  static Optional<String> indirect(Path confDir, String value, Origin origin, Problems problems) {
    if (!value.startsWith("@")) {
      return Optional.of(value);
    }
    Optional<Path> file = readableFile(confDir, value.substring(1), origin, "the value comes from that file", problems);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      problems.add(origin, "cannot read '" + file.get() + "' (" + e.getMessage() + ")", "make the file readable");
      return Optional.empty();
    }
  }
}
