package io.baton.fencing;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One authenticated SSH session (JSch, the mwiede fork) with strict host key checking: a host key that is
 * not in the known_hosts file, or differs from it, is refused, never accepted silently.
 */
final class SshConnection implements AutoCloseable {
  private static final long POLL_MS = 10;

  /** The result of a remote command. */
  record Exec(int exitStatus, List<String> stdout, List<String> stderr) {}

  private final Session session;
  private final String where;

  private SshConnection(Session session, String where) {
    this.session = session;
    this.where = where;
  }

  static SshConnection open(String nodeId, String user, String host, int port, List<Path> keys, Path knownHosts,
      int connectTimeoutMs) throws SshFailure {
    String where = user + "@" + host + ":" + port;
    JSch jsch = new JSch();
    jsch.setInstanceLogger(new JschLog(nodeId, where));
    for (Path key : keys) {
      try {
        jsch.addIdentity(key.toString());
      } catch (JSchException e) {
        throw new SshFailure(FenceOutcome.FAILED, "cannot use private key " + key + ": " + e.getMessage());
      }
    }
    try {
      if (Files.isRegularFile(knownHosts)) {
        jsch.setKnownHosts(knownHosts.toString());
      }
      Session session = jsch.getSession(user, host, port);
      session.setConfig("StrictHostKeyChecking", "yes");
      session.setConfig("HashKnownHosts", "no");
      session.setConfig("prefer_known_host_key_types", "yes");
      session.setConfig("PreferredAuthentications", "publickey");
      session.setTimeout(connectTimeoutMs);
      session.connect(connectTimeoutMs);
      // from here exec() bounds every wait itself; a read timeout would make JSch drop a quiet session
      session.setTimeout(0);
      return new SshConnection(session, where);
    } catch (JSchException e) {
      throw classify(e, where, host, port, keys, knownHosts, connectTimeoutMs);
    }
  }

  /**
   * Runs a command and waits for it to end, at most {@code limit}.
   *
   * @throws SshFailure FAILED when the channel cannot be opened or the command outlives {@code limit}
   */
  Exec exec(String command, Duration limit) throws SshFailure, InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    ChannelExec channel = null;
    try {
      channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand(command);
      channel.setInputStream(null);
      InputStream out = channel.getInputStream();
      InputStream err = channel.getExtInputStream();
      channel.connect((int) Math.max(1, limit.toMillis()));
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      while (true) {
        drain(out, stdout);
        drain(err, stderr);
        if (channel.isClosed()) {
          drain(out, stdout);
          drain(err, stderr);
          return new Exec(channel.getExitStatus(), lines(stdout), lines(stderr));
        }
        if (System.nanoTime() - end > 0) {
          throw new SshFailure(FenceOutcome.FAILED, "'" + command + "' on " + where + " did not finish within "
              + limit.toMillis() + " ms");
        }
        Thread.sleep(POLL_MS);
      }
    } catch (JSchException | IOException e) {
      throw new SshFailure(FenceOutcome.FAILED, "running '" + command + "' on " + where + " failed: "
          + e.getMessage());
    } finally {
      if (channel != null) {
        channel.disconnect();
      }
    }
  }

  String where() {
    return where;
  }

  @Override
  public void close() {
    session.disconnect();
  }

  private static void drain(InputStream in, ByteArrayOutputStream to) throws IOException {
    byte[] buf = new byte[4096];
    while (in.available() > 0) {
      int n = in.read(buf);
      if (n < 0) {
        return;
      }
      to.write(buf, 0, n);
    }
  }

  private static List<String> lines(ByteArrayOutputStream bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : text.lines().toList();
  }

  private static SshFailure classify(JSchException e, String where, String host, int port, List<Path> keys,
      Path knownHosts, int timeoutMs) {
    String hostPort = port == 22 ? host : "[" + host + "]:" + port;
    if (e instanceof JSchChangedHostKeyException) {
      return new SshFailure(FenceOutcome.FAILED, "HOST KEY CHANGED: " + hostPort + " offered a key that differs"
          + " from the one in " + knownHosts + "; refusing to connect (a man in the middle, or a reinstalled host:"
          + " if you have verified the new key, replace the entry with ssh-keygen -R '" + hostPort + "' -f "
          + knownHosts + " and ssh-keyscan)");
    }
    if (e instanceof JSchUnknownHostKeyException) {
      return new SshFailure(FenceOutcome.FAILED, "unknown host key: " + hostPort + " is not in " + knownHosts
          + (Files.isRegularFile(knownHosts) ? "" : " (the file does not exist)")
          + "; add it after checking the fingerprint: ssh-keyscan -p " + port + " " + host + " >> " + knownHosts);
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
      return new SshFailure(FenceOutcome.FAILED, "authentication as " + where + " failed with key(s) " + keys
          + ": add the public key to the user's authorized_keys on " + host);
    }
    Throwable cause = e.getCause();
    if (cause instanceof ConnectException) {
      return new SshFailure(FenceOutcome.UNREACHABLE, "connection to " + host + ":" + port
          + " refused: no sshd listening (" + cause.getMessage() + ")");
    }
    if (cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
      return new SshFailure(FenceOutcome.UNREACHABLE, "cannot reach " + host + ":" + port + ": " + cause);
    }
    if (cause instanceof SocketTimeoutException || message.contains("timeout")
        || message.contains("timed out")) {
      return new SshFailure(FenceOutcome.UNREACHABLE, "no answer from " + host + ":" + port + " within "
          + timeoutMs + " ms (connect timeout)");
    }
    return new SshFailure(FenceOutcome.FAILED, "ssh to " + where + " failed: " + message
        + (cause == null ? "" : " (" + cause + ")"));
  }
}
