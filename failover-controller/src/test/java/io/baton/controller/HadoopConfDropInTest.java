package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.LoopbackPorts;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/hadoop-conf/one-host as an operator uses it: two controllers on one host, each started with only its
 * NameNode's Hadoop folder (no baton.yaml, no --id), come up with their own admin ports (dfs.ha.zkfc.port + 71).
 * The folders are copied with free loopback ports in place of the example's fixed ones.
 */
class HadoopConfDropInTest {
  static final Path ONE_HOST = Path.of("..", "examples", "hadoop-conf", "one-host");

  @TempDir Path work;

  @Test
  void twoControllersOnOneHostStartOnTheirOwnFoldersUnchanged() throws Exception {
    try (TestingServer zk = new TestingServer(true)) {
      Map<String, String> ports = new LinkedHashMap<>();
      ports.put("127.0.0.1:12181", zk.getConnectString());
      for (String fixed : List.of("18020", "19870", "18120", "19970")) {
        ports.put(":" + fixed + "<", ":" + LoopbackPorts.free() + "<");
      }
      int zkfc1 = zkfcPort();
      int zkfc2 = zkfcPort();
      ports.put(">18019<", ">" + zkfc1 + "<");
      ports.put(">18119<", ">" + zkfc2 + "<");
      Path nn1 = copy("nn1", ports);
      Path nn2 = copy("nn2", ports);
      assertThat(main().run(new String[] {"--conf", nn1.toString(), "-formatZK", "-nonInteractive"},
          new CountDownLatch(0), false)).isEqualTo(ZkfcMain.OK);

      CountDownLatch stop = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> exits = new ArrayList<>();
        for (Path conf : List.of(nn1, nn2)) {
          exits.add(threads.submit(() -> main().run(new String[] {"--conf", conf.toString()}, stop, false)));
        }
        assertThat(status(zkfc1 + 71)).contains("\"nodeId\":\"nn1\"");
        assertThat(status(zkfc2 + 71)).contains("\"nodeId\":\"nn2\"");
        stop.countDown();
        for (Future<Integer> exit : exits) {
          assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ZkfcMain.OK);
        }
      } finally {
        stop.countDown();
        threads.shutdownNow();
      }
    }
  }

  private static String status(int adminPort) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/v1/status"))
        .timeout(Duration.ofSeconds(2)).build();
    return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> http.send(get, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200).body();
  }

  /** A free port whose admin port (+ 71) is free too. */
  private static int zkfcPort() {
    while (true) {
      int p = LoopbackPorts.free();
      if (p + 71 <= 65535 && bindable(p + 71)) {
        return p;
      }
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Path copy(String nn, Map<String, String> replacements) throws IOException {
    Path to = Files.createDirectories(work.resolve(nn));
    for (String file : List.of("core-site.xml", "hdfs-site.xml")) {
      String text = Files.readString(ONE_HOST.resolve(nn).resolve(file));
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      Files.writeString(to.resolve(file), text);
    }
    assertThat(to.resolve("baton.yaml")).doesNotExist();
    return to;
  }

  private static ZkfcMain main() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new ZkfcMain(sink, sink, new BufferedReader(new StringReader("")));
  }
}
