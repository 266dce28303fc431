package io.baton.mock.common;

import com.codahale.metrics.health.HealthCheck;
import io.baton.config.HostPort;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.List;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * A Dropwizard (Jetty + Jersey) server configured in code: no YAML file, no request log, no logging
 * reconfiguration (the process keeps Baton's logback.xml), JSON errors only. Resources at {@code /},
 * Dropwizard's admin servlets at {@code /admin}.
 */
public final class EmbeddedHttpServer implements AutoCloseable {
  private final Server server;

  private EmbeddedHttpServer(Server server) {
    this.server = server;
  }

  /** Binds {@code address} (port 0 = any free port), registers the resources and starts serving. */
  public static EmbeddedHttpServer start(String nodeId, HostPort address, List<Object> resources) throws Exception {
    Environment env = new Environment(nodeId);
    Json.configure(env.getObjectMapper());
    SimpleServerFactory factory = new SimpleServerFactory();
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost(address.host());
    connector.setPort(address.port());
    factory.setConnector(connector);
    factory.setApplicationContextPath("/");
    factory.setAdminContextPath("/admin");
    factory.setRegisterDefaultExceptionMappers(false);
    factory.setMinThreads(4);
    factory.setMaxThreads(64);
    LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
    requestLog.setAppenders(List.of());
    factory.setRequestLogFactory(requestLog);
    factory.setShutdownGracePeriod(io.dropwizard.util.Duration.milliseconds(0));
    env.healthChecks().register("alive", new HealthCheck() {
      @Override
      protected Result check() {
        return Result.healthy();
      }
    });
    JsonErrorMappers.all(nodeId).forEach(env.jersey()::register);
    resources.forEach(env.jersey()::register);
    Server server = factory.build(env);
    server.start();
    return new EmbeddedHttpServer(server);
  }

  /** The port actually bound (useful when started on port 0). */
  public int port() {
    return ((NetworkConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
