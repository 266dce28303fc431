package io.baton.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Fencing settings for one target NameNode. The {@code fencing} module parses {@link #methods()};
 * this module only carries the text.
 *
 * @param methods the raw {@code dfs.ha.fencing.methods} text (one method per line, Hadoop syntax); empty when unset
 * @param sshPrivateKeyFiles {@code dfs.ha.fencing.ssh.private-key-files}
 * @param sshConnectTimeout {@code dfs.ha.fencing.ssh.connect-timeout} (30 s)
 * @param sshKnownHostsFile where sshfence checks host keys; empty means Baton's documented default
 * @param methodTimeout how long one method may take before it is abandoned as FAILED
 * @param deadline how long the whole chain may take
 */
public record FencingConfig(
    String methods,
    List<Path> sshPrivateKeyFiles,
    Duration sshConnectTimeout,
    Optional<Path> sshKnownHostsFile,
    Duration methodTimeout,
    Duration deadline) {

  public FencingConfig {
    sshPrivateKeyFiles = List.copyOf(sshPrivateKeyFiles);
  }

  public boolean isConfigured() {
    return methods.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
  }
}
