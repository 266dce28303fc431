package io.baton.fencing;

import io.baton.config.HostPort;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code sshfence([[user][:port]])}: over SSH, runs Hadoop's {@code fuser -v -k -n tcp <port>} on the
 * NameNode host, then reports FENCED only once the NameNode port is closed both on the host (fuser and nc
 * there see no listener) and from here (a direct connect is refused).
 */
final class SshFenceMethod implements FenceMethod {
  private static final String PATH_PREFIX = "PATH=$PATH:/sbin:/usr/sbin; export PATH; ";
  private static final Duration MAX_VERIFY = Duration.ofSeconds(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
  private static final long RECHECK_PAUSE_MS = 100;

  private final SshFenceArgs args;
  private final List<Path> keys;
  private final Duration connectTimeout;
  private final Path knownHosts;

  SshFenceMethod(SshFenceArgs args, List<Path> keys, Duration connectTimeout, Path knownHosts) {
    this.args = args;
    this.keys = List.copyOf(keys);
    this.connectTimeout = connectTimeout;
    this.knownHosts = knownHosts;
  }

  /** Where host keys are checked when baton.yaml {@code fencing.ssh-known-hosts} is not set. */
  static Path defaultKnownHosts() {
    return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
  }

  @Override
  public FenceResult fence(FenceContext ctx) throws InterruptedException {
    HostPort nn = ctx.target().haAddress();
    try (SshConnection ssh = connect(nn.host(), ctx.deadline())) {
      SshConnection.Exec kill = ssh.exec(PATH_PREFIX + "fuser -v -k -n tcp " + nn.port(),
          ctx.deadline().remaining());
      kill.stdout().forEach(ctx.output()::info);
      kill.stderr().forEach(ctx.output()::warn);
      int rc = kill.exitStatus();
      if (rc == 127) {
        return FenceResult.failed("fuser not found on " + nn.host() + " (exit 127): install psmisc there");
      }
      if (rc != 0 && rc != 1) {
        return FenceResult.failed("fuser -k on " + ssh.where() + " exited " + rc);
      }
      String killed = rc == 0
          ? "killed the process listening on port " + nn.port()
          : "fuser found no process on port " + nn.port();
      return verifyClosed(ssh, nn, ctx, killed);
    } catch (SshFailure f) {
      return f.toResult();
    }
  }

  /** Connects and authenticates, then checks that fuser (and nc, for the port check) are there. */
  @Override
  public CheckResult drill(FenceContext ctx) throws InterruptedException {
    HostPort nn = ctx.target().haAddress();
    try (SshConnection ssh = connect(nn.host(), ctx.deadline())) {
      SshConnection.Exec which = ssh.exec(PATH_PREFIX + "command -v fuser; command -v nc",
          ctx.deadline().remaining());
      List<String> found = which.stdout();
      if (found.stream().noneMatch(p -> p.endsWith("fuser"))) {
        return CheckResult.failed("ssh to " + ssh.where() + " works, but fuser is not on " + nn.host()
            + ": install psmisc there");
      }
      return CheckResult.passed("ssh to " + ssh.where() + " works (host key known, key accepted); found "
          + String.join(" and ", found));
    } catch (SshFailure f) {
      return CheckResult.failed(f.getMessage());
    }
  }

  private SshConnection connect(String host, Deadline deadline) throws SshFailure {
    return SshConnection.open(args.user(), host, args.port(), keys, knownHosts, deadline.capMillis(connectTimeout));
  }

  /** Rechecks until the port is closed on the host and from here, or the verify window ends. */
  private FenceResult verifyClosed(SshConnection ssh, HostPort nn, FenceContext ctx, String killed)
      throws SshFailure, InterruptedException {
    Deadline window = Deadline.after(min(MAX_VERIFY, reserveForReport(ctx.deadline())), ctx.deadline().clock());
    String onHost = "fuser -n tcp " + nn.port() + " >/dev/null 2>&1 && echo open-fuser && exit 0; "
        + "command -v nc >/dev/null 2>&1 && nc -z -w 1 " + quote(nn.host()) + " " + nn.port()
        + " >/dev/null 2>&1 && echo open-nc && exit 0; echo closed";
    int checks = 0;
    String last;
    do {
      checks++;
      SshConnection.Exec check = ssh.exec(PATH_PREFIX + onHost, window.remaining().plus(PROBE_TIMEOUT));
      String hostView = check.stdout().isEmpty() ? "no answer" : check.stdout().get(check.stdout().size() - 1);
      String localView = probe(nn, window);
      if (hostView.equals("closed") && !localView.equals("open")) {
        return FenceResult.fenced(killed + "; port closed on " + nn.host() + " and from here (" + localView + ")");
      }
      last = "on host: " + hostView + ", from here: " + localView;
      if (!window.expired()) {
        Thread.sleep(RECHECK_PAUSE_MS);
      }
    } while (!window.expired());
    return FenceResult.failed(killed + ", but port " + nn + " is still open (" + last + ", " + checks
        + " checks)");
  }

  /** A direct connect to the NameNode port: "open", "refused" or "no answer". */
  private static String probe(HostPort nn, Deadline window) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(nn.host(), nn.port()), window.capMillis(PROBE_TIMEOUT));
      return "open";
    } catch (ConnectException e) {
      return "refused";
    } catch (SocketTimeoutException e) {
      return "no answer";
    } catch (IOException e) {
      return "unreachable: " + e.getMessage();
    }
  }

  /** Leaves a little of the method's time for reporting, so the chain sees FAILED rather than TIMED_OUT. */
  private static Duration reserveForReport(Deadline deadline) {
    Duration left = deadline.remaining();
    return left.minus(min(Duration.ofMillis(300), left.dividedBy(5)));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
