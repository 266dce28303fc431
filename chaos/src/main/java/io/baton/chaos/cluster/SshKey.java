package io.baton.chaos.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A throw-away ed25519 key for sshfence in the run's folder (ssh-keygen; an empty file when it is missing). */
final class SshKey {
  private SshKey() {}

  static Path create(Path dir) throws IOException {
    Path key = dir.resolve("chaos_ssh_key");
    if (Files.exists(key)) {
      return key;
    }
    try {
      Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("ssh-keygen.log").toFile()).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      // no ssh-keygen: sshfence then fails on the key, which the fencing-failure scenarios tolerate
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating an ssh key", e);
    }
    if (!Files.exists(key)) {
      Files.createFile(key);
    }
    return key;
  }
}
