package io.baton.fencing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The process fencing must kill: a netcat listener on 127.0.0.1 and a free port, started by the test. */
final class Victim implements AutoCloseable {
  final int port;
  final Process process;

  private Victim(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  static Victim start() throws Exception {
    int port = Sshd.freePort();
    Process p = new ProcessBuilder(Sshd.binary("nc", "netcat-openbsd"), "-dlk", "127.0.0.1", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Victim v = new Victim(port, p);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> !p.isAlive() || Sshd.accepts(port));
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
    return v;
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
