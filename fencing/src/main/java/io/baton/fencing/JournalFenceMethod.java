package io.baton.fencing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.config.HostPort;
import io.baton.config.SharedEditsConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code journal}: storage fencing. Asks every journal node of the nameservice's shared edits to promise a
 * new epoch ({@code POST /journal/<id>/fence}); once a majority has, the old active can no longer append
 * edits, whether or not its host is reachable. Stops waiting as soon as a majority answered.
 */
final class JournalFenceMethod implements FenceMethod {
  private static final Duration MAX_CONNECT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One client per process, made on first use: building one costs seconds on a busy machine. */
  private static final class SharedClient {
    static final HttpClient INSTANCE = HttpClient.newBuilder()
        .connectTimeout(MAX_CONNECT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private final SharedEditsConfig edits;
  private final String fencedBy;

  JournalFenceMethod(SharedEditsConfig edits, String fencedBy) {
    this.edits = edits;
    this.fencedBy = fencedBy;
  }

  /** One journal node's answer. {@code connectFailed}: it could not be reached at all. */
  private record Answer(HostPort node, boolean ok, long epoch, String text, boolean connectFailed) {}

  @Override
  public FenceResult fence(FenceContext ctx) throws InterruptedException {
    String body = JSON.createObjectNode().put("fencedBy", fencedBy).put("target", ctx.target().id()).toString();
    List<Answer> answers = ask(ctx.deadline(), node -> HttpRequest.newBuilder(uri(node, "fence"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), true);
    answers.forEach(a -> ctx.output().info(a.node() + ": " + a.text()));
    long accepted = answers.stream().filter(Answer::ok).count();
    String tally = accepted + " of " + edits.journalNodes().size() + " journal nodes (majority " + majority() + ")";
    if (accepted >= majority()) {
      long epoch = answers.stream().filter(Answer::ok).mapToLong(Answer::epoch).max().orElse(-1);
      return FenceResult.fenced(tally + " promised epoch " + epoch + " for " + edits.journalId()
          + "; the old writer can no longer append");
    }
    String why = tally + " accepted: " + describe(answers);
    boolean noneReached = answers.size() == edits.journalNodes().size()
        && answers.stream().allMatch(Answer::connectFailed);
    return noneReached ? FenceResult.unreachable(why) : FenceResult.failed(why);
  }

  /** Reads every journal node's status; passes when a majority answers. Fences nothing. */
  @Override
  public CheckResult drill(FenceContext ctx) throws InterruptedException {
    List<Answer> answers = ask(ctx.deadline(), node -> HttpRequest.newBuilder(uri(node, "status")).GET(), false);
    long up = answers.stream().filter(Answer::ok).count();
    String tally = up + " of " + edits.journalNodes().size() + " journal nodes of " + edits.uri()
        + " answered (majority " + majority() + "): " + describe(answers);
    return up >= majority() ? CheckResult.passed(tally) : CheckResult.failed(tally);
  }

  private int majority() {
    return edits.journalNodes().size() / 2 + 1;
  }

  /** Sends to all nodes at once; returns when a majority succeeded (if {@code stopAtMajority}), all answered, or time is up. */
  private List<Answer> ask(Deadline deadline, Function<HostPort, HttpRequest.Builder> request,
      boolean stopAtMajority) throws InterruptedException {
    Duration timeout = deadline.remaining();
    HttpClient client = SharedClient.INSTANCE; // the request timeout bounds the connect too
    LinkedBlockingQueue<Answer> done = new LinkedBlockingQueue<>();
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (HostPort node : edits.journalNodes()) {
      HttpRequest req = request.apply(node).timeout(timeout.isZero() ? Duration.ofMillis(1) : timeout).build();
      calls.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofString())
          .handle((resp, err) -> done.add(err == null ? fromResponse(node, resp) : fromError(node, err, timeout))));
    }
    List<Answer> answers = new ArrayList<>();
    try {
      while (answers.size() < calls.size()) {
        Answer a = done.poll(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
        if (a == null) {
          break;
        }
        answers.add(a);
        if (stopAtMajority && answers.stream().filter(Answer::ok).count() >= majority()) {
          break;
        }
      }
    } finally {
      calls.forEach(c -> c.cancel(true));
    }
    boolean majority = answers.stream().filter(Answer::ok).count() >= majority();
    for (HostPort node : edits.journalNodes()) {
      if (answers.stream().noneMatch(a -> a.node().equals(node))) {
        answers.add(new Answer(node, false, -1,
            majority ? "not waited for (majority reached)" : "no answer within " + timeout.toMillis() + " ms", false));
      }
    }
    answers.sort(Comparator.comparingInt(a -> edits.journalNodes().indexOf(a.node()))); // configured order
    return answers;
  }

  private static Answer fromResponse(HostPort node, HttpResponse<String> resp) {
    JsonNode json;
    try {
      json = JSON.readTree(resp.body());
    } catch (IOException e) {
      return new Answer(node, false, -1, "HTTP " + resp.statusCode() + " with a body that is not JSON", false);
    }
    if (resp.statusCode() == 200 && json.path("promisedEpoch").canConvertToLong()) {
      long epoch = json.path("promisedEpoch").asLong();
      String last = json.has("lastTxId") ? ", lastTxId " + json.path("lastTxId").asLong() : "";
      return new Answer(node, true, epoch, "promisedEpoch " + epoch + last, false);
    }
    if (resp.statusCode() == 200) {
      return new Answer(node, false, -1, "HTTP 200 without a numeric promisedEpoch", false);
    }
    return new Answer(node, false, -1, "HTTP " + resp.statusCode() + " " + json.path("error").asText("")
        + ": " + json.path("message").asText(""), false);
  }

  private static Answer fromError(HostPort node, Throwable err, Duration timeout) {
    Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (e instanceof HttpConnectTimeoutException) {
      return new Answer(node, false, -1, "connect timed out", true);
    }
    if (e instanceof HttpTimeoutException) {
      return new Answer(node, false, -1, "no answer within " + timeout.toMillis() + " ms", false);
    }
    if (e instanceof ConnectException) {
      return new Answer(node, false, -1, "connection refused", true);
    }
    return new Answer(node, false, -1, "request failed: " + e, e instanceof IOException);
  }

  private URI uri(HostPort node, String action) {
    return URI.create("http://" + node + "/journal/"
        + URLEncoder.encode(edits.journalId(), StandardCharsets.UTF_8).replace("+", "%20") + "/" + action);
  }

  private static String describe(List<Answer> answers) {
    return String.join("; ", answers.stream().map(a -> a.node() + " " + a.text()).toList());
  }
}
