package io.baton.controller.haadmin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.ServiceFailedException;
import org.apache.hadoop.ha.ZKFCProtocol;
import org.apache.hadoop.ha.proto.ZKFCProtocolProtos.ZKFCProtocolService;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolPB;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolServerSideTranslatorPB;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;

/**
 * A controller stand-in: Hadoop's ZKFCProtocol over real IPC (gracefulFailover runs {@link #onGracefulFailover})
 * and an admin HTTP API whose answers the test sets per path.
 */
final class FakeController implements AutoCloseable {
  /** What gracefulFailover does: throw to fail. */
  interface Action {
    void run() throws IOException;
  }

  /** An HTTP answer. */
  record Answer(int status, String body) {}

  volatile Action onGracefulFailover = () -> {};
  final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final RPC.Server rpc;
  private final HttpServer http;
  private final int rpcPort;

  FakeController() throws IOException {
    Configuration conf = new Configuration(false);
    RPC.setProtocolEngine(conf, ZKFCProtocolPB.class, ProtobufRpcEngine2.class);
    var service = ZKFCProtocolService.newReflectiveBlockingService(new ZKFCProtocolServerSideTranslatorPB(new Impl()));
    rpc = new RPC.Builder(conf).setProtocol(ZKFCProtocolPB.class).setInstance(service)
        .setBindAddress("127.0.0.1").setPort(0).setNumHandlers(2).setVerbose(false).build();
    rpc.start();
    rpcPort = rpc.getListenerAddress().getPort();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      requests.add(key + (body.isEmpty() ? "" : " " + body));
      Answer a = answers.getOrDefault(key, new Answer(404, "{\"error\":\"not_found\",\"message\":\"no " + key + "\"}"));
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    http.start();
  }

  FakeController answer(String methodAndPath, int status, String body) {
    answers.put(methodAndPath, new Answer(status, body));
    return this;
  }

  int rpcPort() {
    return rpcPort;
  }

  int adminPort() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    rpc.stop();
    http.stop(0);
  }

  private final class Impl implements ZKFCProtocol {
    @Override
    public void cedeActive(int millisToCede) {
      requests.add("cedeActive " + millisToCede);
    }

    @Override
    public void gracefulFailover() throws IOException {
      requests.add("gracefulFailover");
      onGracefulFailover.run();
    }
  }

  static ServiceFailedException refuse(String message) {
    return new ServiceFailedException(message);
  }
}
