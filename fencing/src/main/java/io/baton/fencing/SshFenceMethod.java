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
import java.util.Optional;
import java.util.regex.Pattern;

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
  private static final String MARK = "baton-";
  private static final int HOST_CHECKS = 3;
  private static final Pattern FUSER_NOISE = Pattern.compile("Cannot stat file /proc/\\d+/.*: Permission denied");

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
    try (SshConnection ssh = connect(nn.host(), ctx)) {
      // one round trip in the usual case: kill, then a few checks on the host that the port closed
      Deadline window = verifyWindow(ctx.deadline());
      String script = PATH_PREFIX + "if ! command -v fuser >/dev/null 2>&1; then echo " + MARK + "fuser=missing;"
          + " exit 0; fi; fuser -v -k -n tcp " + nn.port() + "; rc=$?; echo; echo " + MARK + "fuser=$rc; i=0;"
          + " while :; do " + portState(nn) + " [ \"$s\" = closed ] && break; i=$((i+1)); [ $i -ge " + HOST_CHECKS
          + " ] && break; sleep 0.1; done; echo " + MARK + "port=$s";
      SshConnection.Exec run = ssh.exec(script, ctx.deadline().remaining());
      log(run, ctx.output());
      String fuser = marker(run, "fuser").orElse("no answer");
      if (fuser.equals("missing")) {
        return FenceResult.failed("fuser not found on " + nn.host() + ": install psmisc there");
      }
      if (!fuser.equals("0") && !fuser.equals("1")) {
        return FenceResult.failed("fuser -k on " + ssh.where() + " exited " + fuser);
      }
      String killed = fuser.equals("0")
          ? "killed the process listening on port " + nn.port()
          : "fuser found no process on port " + nn.port();
      return verifyClosed(ssh, nn, window, killed, marker(run, "port").orElse("no answer"));
    } catch (SshFailure f) {
      return f.toResult();
    }
  }

  /** Connects and authenticates, then checks that fuser (and nc, for the port check) are there. */
  @Override
  public CheckResult drill(FenceContext ctx) throws InterruptedException {
    HostPort nn = ctx.target().haAddress();
    try (SshConnection ssh = connect(nn.host(), ctx)) {
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

  private SshConnection connect(String host, FenceContext ctx) throws SshFailure {
    return SshConnection.open(ctx.output().nodeId(), args.user(), host, args.port(), keys, knownHosts,
        ctx.deadline().capMillis(connectTimeout));
  }

  /**
   * Rechecks until the port is closed on the host and from here, or the verify window ends; a recheck that
   * cannot finish in time leaves the last thing seen, "still open", standing.
   */
  private FenceResult verifyClosed(SshConnection ssh, HostPort nn, Deadline window, String killed,
      String hostView) throws InterruptedException {
    int checks = 1;
    while (true) {
      String localView = probe(nn, window);
      if (hostView.equals("closed") && !localView.equals("open")) {
        return FenceResult.fenced(killed + "; port closed on " + nn.host() + " and from here (" + localView + ")");
      }
      String stillOpen = killed + ", but port " + nn + " is still open (on host: " + hostView + ", from here: "
          + localView + ", " + checks + " checks)";
      if (window.expired()) {
        return FenceResult.failed(stillOpen);
      }
      Thread.sleep(RECHECK_PAUSE_MS);
      try {
        SshConnection.Exec check = ssh.exec(PATH_PREFIX + portState(nn) + " echo " + MARK + "port=$s",
            window.remaining());
        hostView = marker(check, "port").orElse("no answer");
        checks++;
      } catch (SshFailure f) {
        return FenceResult.failed(stillOpen);
      }
    }
  }

  /** Shell that sets s to open-fuser, open-nc or closed: what the host itself sees on the NameNode port. */
  private static String portState(HostPort nn) {
    return "if fuser -n tcp " + nn.port() + " >/dev/null 2>&1; then s=open-fuser; elif command -v nc >/dev/null 2>&1"
        + " && nc -z -w 1 " + quote(nn.host()) + " " + nn.port() + " >/dev/null 2>&1; then s=open-nc; else s=closed;"
        + " fi;";
  }

  private static Optional<String> marker(SshConnection.Exec exec, String name) {
    String prefix = MARK + name + "=";
    return exec.stdout().stream().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b)
        .map(l -> l.substring(prefix.length()));
  }

  /** Logs the remote output except our markers; fuser's harmless "Cannot stat /proc/..." noise is counted. */
  static void log(SshConnection.Exec exec, FenceLog output) {
    exec.stdout().stream().filter(l -> !l.startsWith(MARK) && !l.isBlank()).forEach(output::info);
    long noise = exec.stderr().stream().filter(l -> FUSER_NOISE.matcher(l).matches()).count();
    exec.stderr().stream().filter(l -> !FUSER_NOISE.matcher(l).matches()).forEach(output::warn);
    if (noise > 0) {
      output.info("(" + noise + " 'Cannot stat file /proc/...: Permission denied' lines from fuser omitted)");
    }
  }

  private static Deadline verifyWindow(Deadline deadline) {
    Duration left = deadline.remaining();
    Duration reserve = min(Duration.ofMillis(300), left.dividedBy(5)); // so the chain sees FAILED, not TIMED_OUT
    return Deadline.after(min(MAX_VERIFY, left.minus(reserve)), deadline.clock());
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

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
