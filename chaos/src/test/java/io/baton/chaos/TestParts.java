package io.baton.chaos;

import static org.assertj.core.api.Assertions.fail;

import io.baton.chaos.cluster.FakeClock;
import io.baton.chaos.net.NetnsLauncher;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine. A missing tool fails the test with the package that has it, unless the
 * test command was told to leave that part out ({@code bin/test --without PART}, passed on as the system property
 * {@code baton.test.without}); only then is the test skipped, and {@code bin/test} says so in its summary.
 */
public final class TestParts {
  static final String PROPERTY = "baton.test.without";

  private TestParts() {}

  /** True when the test command left {@code part} out. */
  static boolean leftOut(String part, String without) {
    return without != null && Arrays.asList(without.trim().split("[\\s,]+")).contains(part);
  }

  /** The network-namespace tests: root, iproute2, OpenSSH's sshd. */
  public static void requireNetns() {
    if (leftOut("netns", System.getProperty(PROPERTY))) {
      Assumptions.abort("left out: bin/test --without netns");
    }
    Optional<String> why = NetnsLauncher.unavailable();
    if (why.isPresent()) {
      fail(why.get() + " (bin/test installs the packages; pass --without netns to leave these tests out)");
    }
  }

  /** The wall-clock-step library, built with gcc from libc6-dev's headers. */
  public static Path requireWallClockLibrary() {
    return FakeClock.library().orElseGet(() -> fail("the wall-clock-step library could not be built: install "
        + "gcc and libc6-dev (bin/test installs them)"));
  }
}
