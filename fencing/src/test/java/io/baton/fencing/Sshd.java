package io.baton.fencing;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.baton.config.LoopbackPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH sshd on 127.0.0.1 and a free port, with its own config and freshly generated host and client
 * keys (fault-injection.md §1). Stopped by the PID in its pid file. Missing OpenSSH fails the test: CI installs it.
 */
final class Sshd implements AutoCloseable {
  final Path dir;
  final int port;
  final Path clientKey;
  final Path knownHosts;
  private final Process process;
  private final long pid;

  private Sshd(Path dir, int port, Path clientKey, Path knownHosts, Process process, long pid) {
    this.dir = dir;
    this.port = port;
    this.clientKey = clientKey;
    this.knownHosts = knownHosts;
    this.process = process;
    this.pid = pid;
  }

  /**
   * @param forceCommand when present, every session runs this instead (ForceCommand), e.g. to give the
   *     remote command another PATH
   */
  static Sshd start(Path dir, Optional<String> forceCommand) throws Exception {
    String sshd = binary("sshd", "openssh-server");
    Files.createDirectories(dir);
    ensurePrivilegeSeparationDir();
    Path hostKey = keygen(dir.resolve("hostkey"));
    Path clientKey = keygen(dir.resolve("clientkey"));
    Files.copy(dir.resolve("clientkey.pub"), dir.resolve("authorized_keys"));
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      Path config = dir.resolve("sshd_config");
      Files.writeString(config, String.join("\n",
          "Port " + port,
          "ListenAddress 127.0.0.1",
          "HostKey " + hostKey,
          "PidFile " + dir.resolve("sshd.pid"),
          "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
          "PermitRootLogin prohibit-password",
          "PubkeyAuthentication yes",
          "PasswordAuthentication no",
          "KbdInteractiveAuthentication no",
          "UsePAM no",
          "StrictModes no",
          "LogLevel VERBOSE",
          forceCommand.map(c -> "ForceCommand " + c).orElse(""), ""));
      Files.deleteIfExists(dir.resolve("sshd.pid"));
      Process p = new ProcessBuilder(sshd, "-D", "-f", config.toString(), "-E", dir.resolve("sshd.log").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.out").toFile()).start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> !p.isAlive() || accepts(port));
      } catch (RuntimeException e) {
        stop(p, p.pid());
        throw e;
      }
      if (!p.isAlive()) {
        if (attempt < 3) {
          continue; // the free port was taken in between
        }
        fail("sshd did not start: " + read(dir.resolve("sshd.out")) + read(dir.resolve("sshd.log")));
      }
      Path knownHosts = dir.resolve("known_hosts");
      Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + publicKey(dir.resolve("hostkey.pub")) + "\n");
      long pid = readPid(dir.resolve("sshd.pid")).orElse(p.pid());
      return new Sshd(dir, port, clientKey, knownHosts, p, pid);
    }
  }

  /** A new ed25519 key pair; returns the private key. */
  static Path keygen(Path key) throws Exception {
    Process p = new ProcessBuilder(binary("ssh-keygen", "openssh-client"), "-q", "-t", "ed25519", "-N", "",
        "-C", "baton-test", "-f", key.toString()).redirectErrorStream(true).start();
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      fail("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return key;
  }

  /** {@code ssh-ed25519 AAAA...} without the comment. */
  static String publicKey(Path pub) throws IOException {
    String[] parts = Files.readString(pub).trim().split("\\s+");
    return parts[0] + " " + parts[1];
  }

  static String binary(String name, String debianPackage) {
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p.toString(); // sshd re-execs itself and needs an absolute path
      }
    }
    return fail(name + " not found: install " + debianPackage
        + " (apt-get install -y openssh-server psmisc netcat-openbsd; .ci/run does this in CI)");
  }

  /** A free loopback port below the ephemeral range (see {@link LoopbackPorts}). */
  static int freePort() {
    return LoopbackPorts.free();
  }

  static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void ensurePrivilegeSeparationDir() {
    Path run = Path.of("/run/sshd");
    try {
      Files.createDirectories(run);
    } catch (IOException e) {
      fail("sshd needs the directory /run/sshd; create it (mkdir -p /run/sshd) or run as root: " + e);
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      await().atMost(Duration.ofSeconds(2)).until(() -> Files.isRegularFile(pidFile) && Files.size(pidFile) > 0);
      return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (RuntimeException | IOException e) {
      return Optional.empty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  String log() {
    return read(dir.resolve("sshd.log"));
  }

  @Override
  public void close() {
    stop(process, pid);
  }

  private static void stop(Process process, long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
