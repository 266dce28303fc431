package io.baton.chaos.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runtime wall-clock steps for a JVM, as NTP makes them: a small preloaded library (built here with {@code cc})
 * shifts CLOCK_REALTIME, {@code gettimeofday} and {@code time} by an offset read from a shared 8-byte file, and
 * leaves CLOCK_MONOTONIC alone. libfaketime is not used: a runtime jump with it also moves the monotonic clock
 * (no real step does), it is not thread-safe while the offset changes (a JVM thread parked in a timed wait then
 * sleeps for the whole offset: the controller's health monitor stopped for an hour), and its
 * FAKETIME_DONT_FAKE_MONOTONIC mode makes every JVM timed wait return at once.
 */
public final class FakeClock {
  /** Overrides the built library (a prebuilt {@code baton-wallclock.so}). */
  public static final String LIBRARY_ENV = "BATON_WALLCLOCK_LIB";
  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d+(?:\\.\\d+)?)([smhd]?)");
  private static final long BUILD_TIMEOUT_SECONDS = 60;

  private static final String SOURCE = """
      /* Baton chaos kit: shifts the wall clock only (an NTP step); CLOCK_MONOTONIC stays real. The offset is an
       * int64 of nanoseconds (native order) at the start of $BATON_WALL_OFFSET_FILE, mapped shared, so a change
       * is seen at the next clock read without file I/O and without locks. */
      #define _GNU_SOURCE
      #include <dlfcn.h>
      #include <fcntl.h>
      #include <stdint.h>
      #include <stdlib.h>
      #include <sys/mman.h>
      #include <sys/time.h>
      #include <time.h>
      #include <unistd.h>

      static volatile int64_t *offset_ns;
      static int (*real_clock_gettime)(clockid_t, struct timespec *);
      static int (*real_gettimeofday)(struct timeval *, void *);

      __attribute__((constructor)) static void wallclock_init(void) {
        real_clock_gettime = dlsym(RTLD_NEXT, "clock_gettime");
        real_gettimeofday = dlsym(RTLD_NEXT, "gettimeofday");
        const char *file = getenv("BATON_WALL_OFFSET_FILE");
        if (file == NULL) return;
        int fd = open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        void *p = mmap(NULL, sizeof(int64_t), PROT_READ, MAP_SHARED, fd, 0);
        close(fd);
        if (p != MAP_FAILED) offset_ns = p;
      }

      static void shift(struct timespec *ts) {
        int64_t off = offset_ns == NULL ? 0 : __atomic_load_n(offset_ns, __ATOMIC_RELAXED);
        int64_t ns = (int64_t) ts->tv_nsec + off % 1000000000LL;
        ts->tv_sec += off / 1000000000LL + ns / 1000000000LL;
        ns %= 1000000000LL;
        if (ns < 0) { ns += 1000000000LL; ts->tv_sec -= 1; }
        ts->tv_nsec = ns;
      }

      int clock_gettime(clockid_t id, struct timespec *ts) {
        if (real_clock_gettime == NULL) real_clock_gettime = dlsym(RTLD_NEXT, "clock_gettime");
        int r = real_clock_gettime(id, ts);
        if (r == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) shift(ts);
        return r;
      }

      int gettimeofday(struct timeval *tv, void *tz) {
        if (real_gettimeofday == NULL) real_gettimeofday = dlsym(RTLD_NEXT, "gettimeofday");
        int r = real_gettimeofday(tv, tz);
        if (r == 0) {
          struct timespec ts = {tv->tv_sec, tv->tv_usec * 1000L};
          shift(&ts);
          tv->tv_sec = ts.tv_sec;
          tv->tv_usec = ts.tv_nsec / 1000L;
        }
        return r;
      }

      time_t time(time_t *out) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        if (out != NULL) *out = ts.tv_sec;
        return ts.tv_sec;
      }
      """;

  private FakeClock() {}

  /**
   * The wall-clock library: $BATON_WALLCLOCK_LIB, else built once with {@code cc} into the temp folder (named by
   * the source's hash, so concurrent runs share it); empty when there is no C compiler.
   */
  public static synchronized Optional<Path> library() {
    String override = System.getenv(LIBRARY_ENV);
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override)).filter(Files::isReadable);
    }
    Path lib = Path.of(System.getProperty("java.io.tmpdir"),
        "baton-wallclock-" + Integer.toHexString(SOURCE.hashCode()) + ".so");
    if (Files.isReadable(lib)) {
      return Optional.of(lib);
    }
    try {
      return build(lib);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<Path> build(Path lib) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("baton-wallclock");
    try {
      Path source = dir.resolve("wallclock.c");
      Path built = dir.resolve("wallclock.so");
      Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
      Process cc = new ProcessBuilder(List.of("cc", "-shared", "-fPIC", "-O2", "-o", built.toString(),
          source.toString(), "-ldl")).redirectErrorStream(true).redirectOutput(dir.resolve("cc.log").toFile())
          .start();
      if (!cc.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        cc.destroyForcibly().waitFor();
        return Optional.empty();
      }
      if (cc.exitValue() != 0) {
        return Optional.empty();
      }
      Files.move(built, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(lib);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** The environment of a process whose wall clock can step; writes offset 0 into {@code file}. */
  public static Map<String, String> environment(Path file) {
    Path lib = library().orElseThrow(() -> new IllegalStateException("clock faults need a C compiler to build "
        + "their wall-clock library: apt-get install gcc, or set " + LIBRARY_ENV + " to a built one"));
    set(file, "+0");
    return Map.of("LD_PRELOAD", lib.toString(), "BATON_WALL_OFFSET_FILE", file.toAbsolutePath().toString());
  }

  /** Steps the wall clock of the processes started with {@code file} to {@code offset} from the real time. */
  public static void set(Path file, String offset) {
    long nanos = parseNanos(offset);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
      map.order(ByteOrder.nativeOrder()).putLong(0, nanos); // one aligned 8-byte store: readers never see half
      map.force();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the clock file " + file, e);
    }
  }

  /** {@code +1h}, {@code -30s}, {@code +0}, {@code +1.5m}, {@code +2d} as nanoseconds. */
  static long parseNanos(String offset) {
    Matcher m = OFFSET.matcher(offset);
    if (!m.matches()) {
      throw new IllegalArgumentException("clock offset '" + offset + "' is not like +1h, -30s or +0");
    }
    double seconds = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
      case "m" -> 60;
      case "h" -> 3600;
      case "d" -> 86400;
      default -> 1;
    };
    long nanos = Math.round(seconds * 1e9);
    return m.group(1).equals("-") ? -nanos : nanos;
  }
}
