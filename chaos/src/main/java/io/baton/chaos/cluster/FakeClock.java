package io.baton.chaos.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime clock jumps for a JVM through libfaketime: the process starts with LD_PRELOAD and a timestamp file, and
 * writing an offset such as {@code +1h} into the file moves its wall clock (and, as measured, its monotonic clock
 * too) at the next clock read.
 */
public final class FakeClock {
  /** Overrides where libfaketime.so.1 is looked for. */
  public static final String LIBRARY_ENV = "BATON_LIBFAKETIME";

  private FakeClock() {}

  /** libfaketime.so.1 from $BATON_LIBFAKETIME or the distribution's multiarch library folders. */
  public static Optional<Path> library() {
    String override = System.getenv(LIBRARY_ENV);
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override)).filter(Files::isReadable);
    }
    for (Path root : new Path[] {Path.of("/usr/lib"), Path.of("/usr/local/lib")}) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
        for (Path d : dirs) {
          Path lib = d.resolve("faketime").resolve("libfaketime.so.1");
          if (Files.isReadable(lib)) {
            return Optional.of(lib);
          }
        }
      } catch (IOException e) {
        // an unreadable folder: keep looking
      }
      Path direct = root.resolve("faketime").resolve("libfaketime.so.1");
      if (Files.isReadable(direct)) {
        return Optional.of(direct);
      }
    }
    return Optional.empty();
  }

  /** The environment of a process whose clock can jump; writes offset +0 into {@code file}. */
  public static Map<String, String> environment(Path file) {
    Path lib = library().orElseThrow(() -> new IllegalStateException("clock faults need libfaketime: "
        + "apt-get install faketime, or set " + LIBRARY_ENV + " to libfaketime.so.1"));
    set(file, "+0");
    return Map.of("LD_PRELOAD", lib.toString(), "FAKETIME_TIMESTAMP_FILE", file.toAbsolutePath().toString(),
        "FAKETIME_NO_CACHE", "1");
  }

  public static void set(Path file, String offset) {
    if (!offset.matches("[+-]\\d+(\\.\\d+)?[smhdy]?")) {
      throw new IllegalArgumentException("clock offset '" + offset + "' is not like +1h, -30s or +0");
    }
    try {
      Files.writeString(file, offset + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the clock file " + file, e);
    }
  }
}
