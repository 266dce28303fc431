package io.baton.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.mock.Http;
import io.baton.mock.MockNameNode;
import io.baton.mock.NameNodeOptions;
import io.baton.mock.TestConf;
import io.baton.mock.journal.Journal;
import io.baton.mock.journal.JournalStorage;
import io.baton.mock.journal.LocalEditLog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NameNode's HTTP API: namespace, status, /isActive, faults; and bad input. */
class NameNodeHttpTest {
  private static final StateChangeRequestInfo USER = new StateChangeRequestInfo(RequestSource.REQUEST_BY_USER);
  @TempDir Path dir;
  private MockNameNode node;
  private String base;
  private final AtomicInteger crashes = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    DeploymentConfig conf = TestConf.deployment(2, false, Optional.empty(), dir);
    NameNodeConfig nn = conf.nameservices().get(0).namenodes().get(0);
    var journal = new LocalEditLog(new Journal("test", "ns1", new JournalStorage.InMemory(), Clock.systemUTC(), true));
    node = MockNameNode.start(new NameNodeOptions(nn, false, journal, List.of(), Duration.ofMillis(100),
        crashes::incrementAndGet, conf.hadoopProperties()));
    base = "http://127.0.0.1:" + node.httpPort();
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  private void activate() throws Exception {
    node.state().becomeActive();
  }

  @Test
  void aStandbyRefusesWritesAndReadsWithAStandbyError() throws Exception {
    Http.Answer w = Http.put(base + "/v1/fs/a", "x");
    assertThat(w.status()).isEqualTo(503);
    assertThat(w.json().path("error").asText()).isEqualTo("standby");
    assertThat(w.json().path("message").asText())
        .isEqualTo("nn1: Operation category WRITE is not supported in state standby; use the active NameNode");
    assertThat(Http.get(base + "/v1/fs/a").json().path("error").asText()).isEqualTo("standby");
    assertThat(Http.get(base + "/isActive").status()).isEqualTo(405);
    assertThat(Http.get(base + "/stacks").body()).contains("nn1-journal-tailer");
  }

  @Test
  void theActiveServesTheNamespace() throws Exception {
    activate();
    assertThat(Http.get(base + "/isActive").status()).isEqualTo(200);
    Http.Answer ack = Http.put(base + "/v1/fs/d/f", "hello");
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().path("epoch").asLong()).isEqualTo(1);
    assertThat(ack.json().path("txid").asLong()).isEqualTo(2); // txid 1 is the epoch-start record
    assertThat(Http.post(base + "/v1/fs/d/f?op=append", " world").status()).isEqualTo(200);
    assertThat(Http.get(base + "/v1/fs/d/f").json().path("data").asText()).isEqualTo("hello world");
    assertThat(Http.post(base + "/v1/fs/d/e?op=mkdir", "").status()).isEqualTo(200);
    assertThat(Http.get(base + "/v1/fs/d").json().path("children").toString()).isEqualTo("[\"e\",\"f\"]");
    Http.Answer notEmpty = Http.delete(base + "/v1/fs/d");
    assertThat(notEmpty.status()).isEqualTo(409);
    assertThat(notEmpty.json().path("message").asText()).isEqualTo("directory /d is not empty; pass recursive=true");
    assertThat(Http.delete(base + "/v1/fs/d?recursive=true").status()).isEqualTo(200);
    assertThat(Http.get(base + "/v1/fs/d").status()).isEqualTo(404);
    var status = Http.get(base + "/status").json();
    assertThat(status.path("state").asText()).isEqualTo("active");
    assertThat(status.path("epoch").asLong()).isEqualTo(1);
    assertThat(status.path("lastTxId").asLong()).isEqualTo(5); // the refused delete was not journaled
  }

  @Test
  void anObserverServesReads() throws Exception {
    activate();
    Http.put(base + "/v1/fs/a", "x");
    node.state().becomeStandby(false);
    node.state().becomeObserver();
    assertThat(Http.get(base + "/v1/fs/a").json().path("data").asText()).isEqualTo("x");
    assertThat(Http.put(base + "/v1/fs/a", "y").json().path("error").asText()).isEqualTo("standby");
  }

  @Test
  void badNamespaceRequestsGetClearErrors() throws Exception {
    activate();
    Http.Answer badPath = Http.put(base + "/v1/fs/a/b$c", "x");
    assertThat(badPath.status()).isEqualTo(400);
    assertThat(badPath.json().path("message").asText())
        .isEqualTo("path '/a/b$c' has an invalid name 'b$c'; use letters, digits, '.', '_' and '-' between single slashes");
    Http.Answer badOp = Http.post(base + "/v1/fs/a?op=chmod", "");
    assertThat(badOp.json().path("message").asText()).isEqualTo("POST needs ?op=append or ?op=mkdir, got op=chmod");
    Http.Answer noFile = Http.post(base + "/v1/fs/missing?op=append", "x");
    assertThat(noFile.status()).isEqualTo(404);
    assertThat(noFile.json().path("message").asText()).isEqualTo("no file /missing to append to; create it with PUT first");
    Http.put(base + "/v1/fs/f", "x");
    Http.Answer under = Http.put(base + "/v1/fs/f/g", "x");
    assertThat(under.status()).isEqualTo(409);
    assertThat(under.json().path("message").asText()).isEqualTo("/f is a file, so /f/g cannot be created under it");
    Http.Answer unknown = Http.get(base + "/v2/whatever");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asText()).isEqualTo("not_found");
    // nothing was journaled for the refused requests
    assertThat(Http.get(base + "/status").json().path("lastTxId").asLong()).isEqualTo(2);
  }

  @Test
  void faultsCanBeInjectedListedAndClearedOverHttp() throws Exception {
    assertThat(Http.post(base + "/v1/faults", "{\"fault\":\"slow=50ms\"}").json().path("faults").toString())
        .isEqualTo("[\"slow=50ms\"]");
    Http.post(base + "/v1/faults", "{\"fault\":\"unhealthy\"}");
    assertThat(Http.get(base + "/v1/faults").json().path("faults").toString()).isEqualTo("[\"unhealthy\",\"slow=50ms\"]");
    assertThat(Http.delete(base + "/v1/faults/slow").json().path("faults").toString()).isEqualTo("[\"unhealthy\"]");
    assertThat(Http.delete(base + "/v1/faults").json().path("faults").toString()).isEqualTo("[]");

    Http.Answer unknown = Http.post(base + "/v1/faults", "{\"fault\":\"nope\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("message").asText()).isEqualTo(
        "unknown fault 'nope'; known faults: unhealthy, not-ready, hang, slow, refuse-transitions, crash, zombie");
    assertThat(Http.post(base + "/v1/faults", "{\"fault\":\"slow=soon\"}").json().path("message").asText())
        .isEqualTo("fault 'slow': 'soon' is not a duration; write a whole number with a unit: 500ms, 10s, 1m, 2h or 1d");
    assertThat(Http.post(base + "/v1/faults", "{\"fault\":\"hang=1\"}").json().path("message").asText())
        .isEqualTo("fault 'hang' takes no value, got 'hang=1'");
    assertThat(Http.post(base + "/v1/faults", "[1,2").status()).isEqualTo(400);
    assertThat(Http.post(base + "/v1/faults", "{\"fault\":\"crash\"}").status()).isEqualTo(200);
    assertThat(crashes.get()).isEqualTo(1);
  }

  @Test
  void theAdminClientDrivesFaultsAndReadsStatus() throws Exception {
    var admin = new io.baton.mock.client.NameNodeAdminClient(TestConf.local(node.httpPort()), Duration.ofSeconds(5));
    assertThat(admin.injectFault("refuse-transitions").path("faults").toString()).isEqualTo("[\"refuse-transitions\"]");
    assertThat(admin.status().path("faults").toString()).isEqualTo("[\"refuse-transitions\"]");
    assertThatThrownBy(() -> admin.injectFault("slow")).isInstanceOf(java.io.IOException.class)
        .hasMessageEndingWith("answered HTTP 400: fault 'slow' needs a delay: slow=200ms");
    assertThat(admin.clearFaults().path("faults").toString()).isEqualTo("[]");
  }

  @Test
  void hangAcceptsConnectionsButAnswersNoNamespaceRequestUntilCleared() throws Exception {
    activate();
    node.faults().inject(io.baton.mock.fault.FaultSpec.parse("hang"));
    assertThatThrownBy(() -> Http.send(HttpRequest.newBuilder(URI.create(base + "/v1/fs/a"))
        .timeout(Duration.ofMillis(500)).PUT(HttpRequest.BodyPublishers.ofString("x"))))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(Http.get(base + "/status").json().path("faults").toString()).isEqualTo("[\"hang\"]");
    Http.delete(base + "/v1/faults/hang");
    assertThat(Http.put(base + "/v1/fs/b", "y").status()).isEqualTo(200);
  }
}
