package io.baton.chaos.net;

import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.process.ProcessKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An sshd per NameNode host of a namespace run (fault-injection.md §1): own config, pubkey only, no PAM, on the
 * host's address port 22 inside its namespace, in the foreground so that its PID is the one we end. One host key
 * and one client key per run; the known_hosts file names every host, so that sshfence checks host keys as in
 * production.
 */
public final class HostSshd {
  private final Path clientKey;
  private final Path knownHosts;

  private HostSshd(Path clientKey, Path knownHosts) {
    this.clientKey = clientKey;
    this.knownHosts = knownHosts;
  }

  public Path clientKey() {
    return clientKey;
  }

  public Path knownHosts() {
    return knownHosts;
  }

  /** The sshd binary (an absolute path: sshd refuses to re-exec otherwise), if openssh-server is installed. */
  public static Optional<Path> binary() {
    for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/sbin")) {
      Path p = Path.of(dir, "sshd");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Keys, configs and one sshd per host, each started by {@code kit} (so ended by PID when it closes). */
  public static HostSshd start(NetnsPlan plan, List<String> hosts, Path dir, ProcessKit kit) throws IOException {
    Path sshd = binary().orElseThrow(() -> new IllegalStateException("sshd not found: install openssh-server "
        + "(apt-get install -y --no-install-recommends openssh-server)"));
    Files.createDirectories(dir);
    Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
    Path hostKey = keygen(dir.resolve("host_key"));
    Path clientKey = keygen(dir.resolve("client_key"));
    Path authorized = dir.resolve("authorized_keys");
    Files.copy(dir.resolve("client_key.pub"), authorized, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String hostPub = Files.readString(dir.resolve("host_key.pub")).trim();
    List<String> known = new ArrayList<>();
    for (String host : hosts) {
      known.add(plan.address(host) + " " + hostPub);
    }
    Path knownHosts = Files.write(dir.resolve("known_hosts"), known);
    for (String host : hosts) {
      Path config = Files.write(dir.resolve("sshd-" + host + ".conf"), List.of(
          "Port " + Topology.SSH_PORT,
          "ListenAddress " + plan.address(host),
          "HostKey " + hostKey,
          "PidFile " + dir.resolve("sshd-" + host + ".pid"),
          "AuthorizedKeysFile " + authorized,
          "PermitRootLogin prohibit-password",
          "PubkeyAuthentication yes",
          "PasswordAuthentication no",
          "KbdInteractiveAuthentication no",
          "UsePAM no",
          "StrictModes no"));
      ChildProcess p = kit.start("sshd-" + host, plan.exec(host, List.of(sshd.toString(), "-D", "-f",
          config.toString(), "-E", dir.resolve("sshd-" + host + ".log").toString())), Map.of());
      if (p.waitFor(java.time.Duration.ofMillis(300))) {
        throw new IllegalStateException("sshd on " + host + " exited at once (" + p.exitCode() + "); see "
            + dir.resolve("sshd-" + host + ".log") + " and " + p.logFile());
      }
    }
    return new HostSshd(clientKey, knownHosts);
  }

  private static Path keygen(Path key) throws IOException {
    Files.deleteIfExists(key);
    Files.deleteIfExists(Path.of(key + ".pub"));
    try {
      Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "baton-chaos", "-f",
          key.toString()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("ssh-keygen did not finish within 20 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating " + key, e);
    }
    return key;
  }
}
