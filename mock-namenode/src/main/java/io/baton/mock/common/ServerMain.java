package io.baton.mock.common;

import io.baton.config.ConfigException;
import io.baton.mock.common.CommandLine.UsageException;
import java.util.concurrent.CountDownLatch;

/** Runs a server command until SIGTERM, mapping start-up failures to the documented exit codes. */
public final class ServerMain {
  private ServerMain() {}

  /** Starts the server a command describes; throws UsageException, ConfigException or anything else. */
  @FunctionalInterface
  public interface Starter {
    AutoCloseable start() throws Exception;
  }

  public static void run(String command, String usage, Starter starter) throws InterruptedException {
    AutoCloseable server;
    try {
      server = starter.start();
    } catch (UsageException e) {
      System.err.println("baton " + command + ": " + e.getMessage());
      System.err.println(usage);
      System.exit(ExitCodes.USAGE);
      return;
    } catch (ConfigException e) {
      System.err.println("baton " + command + ": " + e.getMessage());
      System.exit(ExitCodes.CONFIG);
      return;
    } catch (Exception e) {
      System.err.println("baton " + command + ": cannot start: " + e);
      System.exit(ExitCodes.START_FAILED);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("baton " + command + ": error while stopping: " + e);
      }
      stopped.countDown();
    }, command + "-shutdown"));
    stopped.await();
  }
}
