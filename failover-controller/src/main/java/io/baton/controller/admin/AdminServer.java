package io.baton.controller.admin;

import com.codahale.metrics.health.HealthCheck;
import io.baton.config.AdminAuthConfig;
import io.baton.config.ControllerConfig;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.FailoverController;
import io.baton.controller.FencingDrills;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.ZkConnection;
import io.baton.controller.health.HaServiceClients;
import io.baton.fencing.MonotonicClock;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jetty.HttpsConnectorFactory;
import io.dropwizard.logging.common.ExternalLoggingFactory;
import io.dropwizard.request.logging.ExternalRequestLogFactory;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API on {@code controller.admin-bind-address} and the NameNode's admin port, served by
 * Dropwizard without a YAML file of its own: {@code /v1/*}, {@code /metrics} (Prometheus) and Dropwizard's
 * {@code /admin/healthcheck}, {@code /admin/ping}. Logging is left to the launcher's logback configuration.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  /** Short: a peer that takes longer is shown as unknown rather than holding up the next probe. */
  private static final Duration PEER_PROBE_TIMEOUT = Duration.ofSeconds(2);
  private final Server server;
  private final int port;

  private AdminServer(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  public static AdminServer start(DeploymentConfig deployment, NameNodeConfig local, FailoverController controller)
      throws Exception {
    return start(deployment, local, controller, new FencingDrills(local.id(), java.util.Map.of(), Duration.ZERO,
        Clock.systemUTC()));
  }

  /** @param drills the periodic fencing drills, shown at {@code GET /v1/fencing-drill} */
  public static AdminServer start(DeploymentConfig deployment, NameNodeConfig local, FailoverController controller,
      FencingDrills drills) throws Exception {
    return start(deployment, local, controller, drills, loadToken(deployment.controller().adminAuth()));
  }

  /**
   * The token of {@code controller.admin-auth: token}, created at first start; empty with {@code none}. Read
   * before the controller starts, so an unusable token file stops it before it joins the election.
   *
   * @throws IllegalStateException naming the file and the fix
   */
  public static Optional<AdminToken> loadToken(AdminAuthConfig auth) {
    if (!auth.required()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AdminToken.loadOrCreate(auth.tokenFile()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the admin token file " + auth.tokenFile() + " ("
          + e + "); fix its folder's permissions or set controller.admin-token-file to a writable place", e);
    }
  }

  /** @param token the admin API's token, from {@link #loadToken} */
  public static AdminServer start(DeploymentConfig deployment, NameNodeConfig local, FailoverController controller,
      FencingDrills drills, Optional<AdminToken> token) throws Exception {
    ControllerConfig settings = deployment.controller();
    if (token.isPresent() && settings.tls().isEmpty() && !AdminAuthConfig.isLoopback(settings.adminBindAddress())) {
      log.warn("{}: the admin API binds to {} without TLS: the admin token crosses the network in clear text; set "
          + "controller.tls", local.id(), settings.adminBindAddress());
    }
    AdminAudit audit = new AdminAudit(local.id(), Clock.systemUTC());
    AdminAccessFilter access = new AdminAccessFilter(deployment.controller().adminAuth(), token, audit);
    NameserviceConfig ns = deployment.nameservice(local.nameserviceId()).orElseThrow();
    PeerProbe peers = new PeerProbe(local.id(),
        ns.namenodes().stream().filter(nn -> !nn.id().equals(local.id())).toList(),
        new HaServiceClients(deployment.toHadoopConfiguration()), PEER_PROBE_TIMEOUT)
        .start(deployment.healthMonitor().checkInterval());
    controller.own(peers);
    ControllerMetrics metrics = new ControllerMetrics(ns.id(), local.id(), MonotonicClock.system(), peers::states,
        drills::results);
    controller.runtime().addListener(metrics);
    AdminConfiguration config = new AdminConfiguration(deployment.controller(), local.adminPort());
    AtomicReference<Server> server = new AtomicReference<>();
    AtomicReference<Integer> port = new AtomicReference<>();
    App app = new App(config, env -> {
      env.jersey().register(new AdminResource(local.nameserviceId(), controller, drills));
      env.jersey().register(new MetricsResource(metrics));
      env.jersey().register(new AuditResource(audit));
      env.servlets().addFilter("admin-access", access)
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
      env.admin().addFilter("admin-access", access)
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
      registerHealthChecks(env, controller.runtime()::status);
      env.lifecycle().addServerLifecycleListener(s -> {
        server.set(s);
        for (org.eclipse.jetty.server.Connector c : s.getConnectors()) {
          if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
            port.set(sc.getLocalPort());
          }
        }
      });
    });
    app.run("server");
    log.info("{}: admin API at http://{}:{}/v1/status ({})", local.id(), deployment.controller().adminBindAddress(),
        port.get(), token.map(t -> "mutating calls need the token in " + t.file()).orElse("no credential needed"));
    return new AdminServer(server.get(), port.get());
  }

  public int port() {
    return port;
  }

  private static void registerHealthChecks(Environment env, Supplier<ControllerStatus> status) {
    env.healthChecks().register("controller", new HealthCheck() {
      @Override
      protected Result check() {
        ControllerStatus s = status.get();
        return s.state() == ControllerState.STOPPED ? Result.unhealthy("controller stopped")
            : Result.healthy(s.nodeId() + " is " + s.state());
      }
    });
    env.healthChecks().register("zookeeper", new HealthCheck() {
      @Override
      protected Result check() {
        ZkConnection zk = status.get().zookeeper();
        return zk == ZkConnection.CONNECTED ? Result.healthy("connected") : Result.unhealthy("ZooKeeper " + zk);
      }
    });
    env.healthChecks().register("namenode", new HealthCheck() {
      @Override
      protected Result check() {
        ControllerStatus s = status.get();
        return s.health() == HealthState.HEALTHY ? Result.healthy(s.healthDetail())
            : Result.unhealthy("local NameNode is " + s.health() + ": " + s.healthDetail());
      }
    });
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** Built in code: one connector (HTTP, or HTTPS when a keystore is configured), no request log. */
  static final class AdminConfiguration extends Configuration {
    AdminConfiguration(ControllerConfig controller, int port) {
      SimpleServerFactory factory = new SimpleServerFactory();
      HttpConnectorFactory connector;
      if (controller.tls().isPresent()) {
        HttpsConnectorFactory https = new HttpsConnectorFactory();
        https.setKeyStorePath(controller.tls().get().keystore().toString());
        https.setKeyStorePassword(controller.tls().get().keystorePassword().value());
        https.setKeyStoreType(controller.tls().get().keystoreType());
        connector = https;
      } else {
        connector = new HttpConnectorFactory();
      }
      connector.setBindHost(controller.adminBindAddress());
      connector.setPort(port);
      factory.setConnector(connector);
      factory.setApplicationContextPath("/");
      factory.setAdminContextPath("/admin");
      factory.setRequestLogFactory(new ExternalRequestLogFactory());
      setServerFactory(factory);
      setLoggingFactory(new ExternalLoggingFactory());
    }
  }

  private static final class App extends Application<AdminConfiguration> {
    private final AdminConfiguration config;
    private final java.util.function.Consumer<Environment> setup;

    App(AdminConfiguration config, java.util.function.Consumer<Environment> setup) {
      this.config = config;
      this.setup = setup;
    }

    @Override
    protected void bootstrapLogging() {
      // the launcher's logback configuration stays in charge
    }

    @Override
    public void initialize(Bootstrap<AdminConfiguration> bootstrap) {
      bootstrap.setConfigurationFactoryFactory((klass, validator, mapper, prefix) -> new ConfigurationFactory<>() {
        @Override
        public AdminConfiguration build(io.dropwizard.configuration.ConfigurationSourceProvider p, String path) {
          return config;
        }

        @Override
        public AdminConfiguration build() {
          return config;
        }
      });
    }

    @Override
    public void run(AdminConfiguration configuration, Environment environment) {
      setup.accept(environment);
    }

    @Override
    protected void onFatalError(Throwable t) {
      throw new IllegalStateException("admin API did not start: " + t.getMessage(), t);
    }
  }
}
