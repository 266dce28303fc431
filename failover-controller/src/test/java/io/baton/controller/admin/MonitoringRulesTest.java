package io.baton.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.FailoverController;
import io.baton.controller.FencingDrills;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.FenceResult;
import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.Fixtures;
import io.baton.controller.testkit.SplitBrainDetector;
import io.baton.controller.zk.NodeIdentities;
import io.baton.controller.zk.ZkClients;
import io.baton.fencing.DrillReport;
import io.baton.fencing.DrillResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped monitoring (examples/monitoring): the alert rules pass {@code promtool check rules} and their unit
 * tests ({@code promtool test rules}), and every alert and dashboard expression names series and labels that a
 * running controller really exports; the rules, evaluated on that controller's scraped page, stay quiet while it
 * is healthy and fire when the page is changed to show each fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringRulesTest {
  private static final Path MONITORING = Path.of("..", "examples", "monitoring").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SELECTOR = Pattern.compile("\\b(baton_[a-z_]+)(\\{([^}]*)})?");
  private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");
  private static final Pattern GROUPING = Pattern.compile("\\b(?:by|on)\\s*\\(([^)]*)\\)");
  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");
  /** Labels Prometheus adds at scrape time, and the histogram's bucket bound. */
  private static final List<String> ADDED_LABELS = List.of("instance", "job", "le");

  private final SplitBrainDetector detector = new SplitBrainDetector();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private TestingServer zk;
  private FakeNameNode nn1;
  private FakeNameNode nn2;
  private FailoverController controller;
  private String instance;
  private String scrape;
  @TempDir
  Path tmp;

  @BeforeAll
  void startAControllerAndScrapeIt() throws Exception {
    promtool();
    zk = new TestingServer(true);
    DeploymentConfig d = Fixtures.deployment(zk.getConnectString(), "nn1", "nn2");
    NameserviceConfig ns = d.nameservices().get(0);
    NameNodeConfig local = ns.namenode("nn1").orElseThrow();
    nn1 = new FakeNameNode(local, detector).start();
    nn2 = new FakeNameNode(ns.namenode("nn2").orElseThrow(), detector).start();
    CuratorFramework client = ZkClients.start(ns.zookeeper(), 3, Map.of());
    ZkClients.awaitConnected(client, Duration.ofSeconds(10));
    // nn2 was active and left its breadcrumb; it refuses to go standby, so nn1's promotion runs the fencing chain
    // and the fencing counters have series
    client.create().creatingParentsIfNeeded().forPath("/hadoop-ha/ns1/ActiveBreadCrumb",
        new NodeIdentities(ns).infoOf(ns.namenode("nn2").orElseThrow()).encode());
    nn2.failToStandby = true;
    controller = FailoverController.start(d, local, client, t -> new FenceResult(true, "fenced " + t.id(),
        List.of(new FenceResult.Attempt("sshfence", "FENCED", Duration.ofMillis(3), "test fencer")),
        Duration.ofMillis(3)), Clock.systemUTC());
    FencingDrills drills = new FencingDrills("nn1", Map.of("nn2", () -> new DrillReport(List.of(
        new DrillResult("sshfence", true, "connected", Duration.ofMillis(3))))), Duration.ZERO, Clock.systemUTC());
    AdminServer admin = AdminServer.start(d, local, controller, drills);
    controller.own(admin);
    instance = "127.0.0.1:" + admin.port();
    await().atMost(Duration.ofSeconds(30)).until(() -> controller.runtime().status().state() == ControllerState.ACTIVE);
    nn2.failToStandby = false;
    drills.runNow();
    await().atMost(Duration.ofSeconds(10)).until(() -> get("/metrics").contains("source=\"peer-probe\""));
    scrape = get("/metrics");
  }

  @AfterAll
  void stop() throws Exception {
    if (controller != null) {
      controller.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {nn1, nn2, zk}) {
      if (c != null) {
        c.close();
      }
    }
    assertThat(detector.violations()).isEmpty();
  }

  private String get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + instance + path)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void theRulesPassPromtoolCheckAndABrokenRuleDoesNot() throws Exception {
    Result check = promtool("check", "rules", MONITORING.resolve("baton-alerts.yml").toString());
    assertThat(check.exit).as(check.output).isZero();
    assertThat(check.output).contains("SUCCESS: " + alerts().size() + " rules found");

    Path broken = tmp.resolve("broken.yml");
    Files.writeString(broken, "groups:\n  - name: b\n    rules:\n      - alert: X\n        expr: max by (ns (up)\n");
    assertThat(promtool("check", "rules", broken.toString()).exit).as("negative control").isNotZero();
  }

  @Test
  void everyAlertHasAUnitTestAndANegativeControlAndTheyPass() throws Exception {
    JsonNode tests = YAML.readTree(MONITORING.resolve("baton-alerts.test.yml").toFile()).get("tests");
    Map<String, int[]> cases = new LinkedHashMap<>();
    for (JsonNode group : tests) {
      for (JsonNode t : group.get("alert_rule_test")) {
        int[] firingAndQuiet = cases.computeIfAbsent(t.get("alertname").asText(), a -> new int[2]);
        firingAndQuiet[t.get("exp_alerts").isEmpty() ? 1 : 0]++;
      }
    }
    assertThat(cases.keySet()).containsExactlyInAnyOrderElementsOf(alerts().keySet());
    cases.forEach((alert, n) -> assertThat(n[0] > 0 && n[1] > 0).as(alert + ": a case that fires and a negative control").isTrue());

    Result run = promtool("test", "rules", MONITORING.resolve("baton-alerts.test.yml").toString());
    assertThat(run.exit).as(run.output).isZero();
    assertThat(run.output).contains("SUCCESS");

    // negative control: promtool fails a case whose expectation is wrong
    Path wrong = tmp.resolve("wrong.test.yml");
    Files.copy(MONITORING.resolve("baton-alerts.yml"), tmp.resolve("baton-alerts.yml"));
    Files.writeString(wrong, """
        rule_files: [baton-alerts.yml]
        tests:
          - interval: 15s
            input_series:
              - series: 'up{job="baton",instance="a"}'
                values: '1x20'
            alert_rule_test:
              - eval_time: 2m
                alertname: BatonControllerDown
                exp_alerts: [{exp_labels: {severity: critical, job: baton, instance: a}}]
        """);
    Result failing = promtool("test", "rules", wrong.toString());
    assertThat(failing.exit).as(failing.output).isNotZero();
    assertThat(failing.output).contains("FAILED");
  }

  @Test
  void everyAlertAndDashboardExpressionNamesSeriesAndLabelsTheControllerExports() throws Exception {
    List<String> expressions = new ArrayList<>(alerts().values());
    expressions.addAll(dashboardExpressions());
    assertThat(expressions).hasSizeGreaterThan(15);
    for (String expr : expressions) {
      assertThat(problems(expr)).as(expr).isEmpty();
    }
    // negative controls: a label the controller does not export, a value it never has, a series that is not there
    assertThat(problems("baton_epoch{node=\"nn1\"}")).singleElement().asString().contains("label node");
    assertThat(problems("baton_namenode_ha_state{state=\"active\"}")).singleElement().asString()
        .contains("state=\"active\"");
    assertThat(problems("max by (nameservice, node) (baton_epoch)")).singleElement().asString().contains("node");
    assertThat(problems("baton_no_such_series == 0")).singleElement().asString().contains("baton_no_such_series");
  }

  @Test
  void onTheScrapedPageTheRulesStayQuietAndFireForEachFault() throws Exception {
    Map<String, String> healthy = samples();
    String nn1Active = series("baton_namenode_ha_state", "namenode=\"nn1\"", "source=\"health-check\"",
        "state=\"ACTIVE\"");
    String nn2Active = series("baton_namenode_ha_state", "namenode=\"nn2\"", "source=\"peer-probe\"",
        "state=\"ACTIVE\"");
    String drill = series("baton_fencing_drill_passed", "method=\"sshfence\"");
    String zkConnected = series("baton_zookeeper_state", "state=\"CONNECTED\"");
    String zkLost = series("baton_zookeeper_state", "state=\"LOST\"");
    String paused = series("baton_maintenance{");
    String expiry = series("baton_maintenance_expiry_timestamp_seconds");
    assertThat(healthy).containsEntry(nn1Active, "1.0").containsEntry(nn2Active, "0.0").containsEntry(drill, "1.0")
        .containsEntry(zkConnected, "1.0").containsEntry(paused, "0.0");

    StringBuilder cases = new StringBuilder();
    cases.append(testCase(healthy, null, ""));
    cases.append(testCase(with(healthy, Map.of(nn1Active, "0")), "BatonNoActiveNameNode", "nameservice: ns1"));
    cases.append(testCase(with(healthy, Map.of(nn2Active, "1")), "BatonMoreThanOneActiveNameNode",
        "nameservice: ns1"));
    cases.append(testCase(with(healthy, Map.of(drill, "0")), "BatonFencingDrillFailing",
        "instance: \"" + instance + "\", job: baton, method: sshfence, namenode: nn2, nameservice: ns1"));
    cases.append(testCase(with(healthy, Map.of(zkConnected, "0", zkLost, "1")), "BatonZooKeeperDisconnected",
        "instance: \"" + instance + "\", job: baton, namenode: nn1, nameservice: ns1, state: LOST"));
    cases.append(testCase(with(healthy, Map.of(paused, "1", expiry, "60")), "BatonPausedPastExpiry",
        "instance: \"" + instance + "\", job: baton, namenode: nn1, nameservice: ns1"));
    cases.append(testCase(with(healthy, Map.of("up{instance=\"" + instance + "\",job=\"baton\"}", "0")),
        "BatonControllerDown", "instance: \"" + instance + "\", job: baton"));

    Path rules = tmp.resolve("rules-without-annotations.yml");
    YAML.writeValue(rules.toFile(), withoutAnnotations(YAML.readTree(MONITORING.resolve("baton-alerts.yml").toFile())));
    Path test = tmp.resolve("scraped.test.yml");
    Files.writeString(test, "rule_files: [" + rules.getFileName() + "]\nevaluation_interval: 15s\ntests:\n" + cases);
    Result run = promtool("test", "rules", test.toString());
    assertThat(run.exit).as(run.output + "\n" + Files.readString(test)).isZero();
  }

  /** The scraped samples (histograms and counters too), keyed by series with Prometheus's own labels added. */
  private Map<String, String> samples() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : scrape.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches() && m.group(1).startsWith("baton_")) {
        out.put(m.group(1) + "{" + m.group(2) + ",instance=\"" + instance + "\",job=\"baton\"}", m.group(3));
      }
    }
    out.put("up{instance=\"" + instance + "\",job=\"baton\"}", "1");
    return out;
  }

  private String series(String start, String... labels) {
    List<String> found = samples().keySet().stream().filter(s -> s.startsWith(start))
        .filter(s -> List.of(labels).stream().allMatch(s::contains)).toList();
    assertThat(found).as(start + " " + List.of(labels) + " in the scrape").hasSize(1);
    return found.get(0);
  }

  private static Map<String, String> with(Map<String, String> samples, Map<String, String> changes) {
    Map<String, String> out = new LinkedHashMap<>(samples);
    changes.forEach((k, v) -> assertThat(out.put(k, v)).as(k).isNotNull());
    return out;
  }

  /** One promtool test group: the page held for 10 minutes; the alert (or, with null, none) fires at 5m. */
  private static String testCase(Map<String, String> page, String alert, String labels) {
    StringBuilder sb = new StringBuilder("  - interval: 15s\n    input_series:\n");
    page.forEach((s, v) -> sb.append("      - series: '").append(s).append("'\n        values: '")
        .append(v).append("x40'\n"));
    sb.append("    alert_rule_test:\n");
    for (String name : alertNames()) {
      sb.append("      - eval_time: 5m\n        alertname: ").append(name).append('\n');
      if (name.equals(alert)) {
        String severity = alertSeverity(name);
        sb.append("        exp_alerts: [{exp_labels: {severity: ").append(severity).append(", ").append(labels)
            .append("}}]\n");
      } else {
        sb.append("        exp_alerts: []\n");
      }
    }
    return sb.toString();
  }

  /** What in the expression the scrape does not have: a series, a label, or a label value. */
  private List<String> problems(String expr) {
    Map<String, String> samples = samples();
    List<String> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher m = SELECTOR.matcher(expr);
    while (m.find()) {
      String name = m.group(1);
      names.add(name);
      List<String> series = samples.keySet().stream().filter(s -> s.startsWith(name + "{")).toList();
      if (series.isEmpty()) {
        out.add("no series " + name);
        continue;
      }
      Matcher lm = MATCHER.matcher(m.group(3) == null ? "" : m.group(3));
      while (lm.find()) {
        String label = lm.group(1);
        String op = lm.group(2);
        if (series.stream().noneMatch(s -> hasLabel(s, label, ""))) {
          out.add(name + " has no label " + label);
        } else if (op.equals("=") || op.equals("=~")) {
          for (String value : op.equals("=") ? List.of(lm.group(3)) : List.of(lm.group(3).split("\\|"))) {
            if (series.stream().noneMatch(s -> hasLabel(s, label, value + "\""))) {
              out.add(name + " never has " + label + "=\"" + value + "\"");
            }
          }
        }
      }
    }
    Matcher g = GROUPING.matcher(expr);
    while (g.find()) {
      for (String label : g.group(1).split("\\s*,\\s*")) {
        for (String name : names) {
          if (!label.isBlank() && !ADDED_LABELS.contains(label.trim()) && samples.keySet().stream()
              .filter(s -> s.startsWith(name + "{")).anyMatch(s -> !hasLabel(s, label.trim(), ""))) {
            out.add(name + " lacks the grouping label " + label.trim());
          }
        }
      }
    }
    return out;
  }

  /** Whether the series has the label, with a value that starts with {@code valueStart}. */
  private static boolean hasLabel(String series, String label, String valueStart) {
    return series.contains("{" + label + "=\"" + valueStart) || series.contains("," + label + "=\"" + valueStart);
  }

  private static Map<String, String> alerts() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode group : YAML.readTree(MONITORING.resolve("baton-alerts.yml").toFile()).get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        out.put(rule.get("alert").asText(), rule.get("expr").asText());
      }
    }
    return out;
  }

  private static List<String> alertNames() {
    try {
      return List.copyOf(alerts().keySet());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String alertSeverity(String alert) {
    try {
      for (JsonNode group : YAML.readTree(MONITORING.resolve("baton-alerts.yml").toFile()).get("groups")) {
        for (JsonNode rule : group.get("rules")) {
          if (rule.get("alert").asText().equals(alert)) {
            return rule.get("labels").get("severity").asText();
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalArgumentException("no alert " + alert);
  }

  private static JsonNode withoutAnnotations(JsonNode rules) {
    rules.get("groups").forEach(g -> g.get("rules").forEach(r -> ((ObjectNode) r).remove("annotations")));
    return rules;
  }

  /** Every query of the Grafana dashboard: the panels' targets and the template variables. */
  private static List<String> dashboardExpressions() throws IOException {
    JsonNode dash = new ObjectMapper().readTree(MONITORING.resolve("baton-dashboard.json").toFile());
    List<String> out = new ArrayList<>();
    dash.get("panels").forEach(p -> p.get("targets").forEach(t -> out.add(t.get("expr").asText())));
    dash.get("templating").get("list").forEach(v -> {
      if (v.get("type").asText().equals("query")) {
        out.add(v.get("query").asText());
      }
    });
    return out.stream().map(e -> e.replace("$nameservice", "ns1")).collect(Collectors.toList());
  }

  private record Result(int exit, String output) {}

  private static Path promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, "promtool");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return fail("promtool not found: install Debian's package 'prometheus' (bin/test installs it), which has it");
  }

  private Result promtool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(promtool().toString()));
    cmd.addAll(List.of(args));
    Path output = Files.createTempFile(tmp, "promtool", ".out");
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        fail("promtool " + String.join(" ", args) + " did not finish in 60 s");
      }
      return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }
}
