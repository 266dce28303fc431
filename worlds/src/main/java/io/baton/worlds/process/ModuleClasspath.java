package io.baton.worlds.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The classpath of a Baton module's command, as bin/baton builds it: the module's jar plus
 * {@code target/classpath.txt}. Outside the launcher (tests), our own classpath, which holds every module
 * the test depends on.
 */
public final class ModuleClasspath {
  private ModuleClasspath() {}

  public static String of(String module) {
    String home = System.getProperty("baton.home");
    if (home == null) {
      return System.getProperty("java.class.path");
    }
    Path target = Path.of(home, module, "target");
    Path classpathFile = target.resolve("classpath.txt");
    try (Stream<Path> files = Files.list(target)) {
      Path jar = files.filter(f -> f.getFileName().toString().matches("baton-" + module + "-.*\\.jar"))
          .filter(f -> !f.getFileName().toString().endsWith("-tests.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException(module + " is not built: no jar in " + target
              + "; run mvn -q -DskipTests package"));
      return jar + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(module + " is not built (" + e.getMessage()
          + "); run mvn -q -DskipTests package", e);
    }
  }
}
