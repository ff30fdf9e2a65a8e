package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wyp.events.Topics;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.localstack.demo.DemoRound;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alert rules under {@code deploy/} against a real Prometheus scraping a running
 * platform: the local stack, with Prometheus started from the repository's scrape configuration and
 * rules (targets moved to the stack's ports, scraping every second). After a small round played
 * through the services' APIs, every query of every dashboard panel and every alert rule evaluates
 * without error and returns data. promtool accepts the repository's configuration and rules.
 *
 * <p>Needs Debian's {@code prometheus} package ({@code prometheus} and {@code promtool} on the
 * {@code PATH}), which {@code .ci/run} installs; without it the test is skipped.
 */
class PrometheusQueriesTest {

  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final Path PROMETHEUS_CONFIG = DEPLOY.resolve("prometheus/prometheus.yml");
  private static final Path ALERT_RULES = DEPLOY.resolve("prometheus/alerts.yml");
  private static final Path DASHBOARDS = DEPLOY.resolve("grafana/dashboards");

  /** Generous: on a freshly started stack the first events also wait for consumer groups. */
  private static final Duration CROSS_SERVICE = Duration.ofSeconds(60);

  private Path prometheus;
  private Path promtool;

  @TempDir Path dataDir;
  @TempDir Path prometheusDir;

  /** Per test rather than per class, so that each is reported as skipped, with this message. */
  @BeforeEach
  void requirePrometheus() {
    Optional<Path> server = LocalPrometheus.onPath("prometheus");
    Optional<Path> tool = LocalPrometheus.onPath("promtool");
    assumeTrue(
        server.isPresent() && tool.isPresent(),
        "Debian's prometheus package is not installed (no prometheus or promtool on the"
            + " PATH). Install it with: apt-get install --no-install-recommends prometheus (.ci/run"
            + " does).");
    prometheus = server.get();
    promtool = tool.get();
  }

  @Test
  void promtoolAcceptsTheScrapeConfigurationAndTheAlertRules() throws Exception {
    // promtool also checks that the scrape token file exists: the deployment mounts it at
    // /etc/prometheus/secrets, so the check reads the same file with that path moved here.
    Path tokenFile = Files.writeString(prometheusDir.resolve("ops-token"), "token");
    Path config =
        Files.writeString(
            prometheusDir.resolve("prometheus.yml"),
            Files.readString(PROMETHEUS_CONFIG)
                .replace("/etc/prometheus/secrets/ops-token", tokenFile.toString())
                .replace(
                    "rule_files:\n  - alerts.yml",
                    "rule_files:\n  - " + ALERT_RULES.toAbsolutePath()));
    assertPromtoolAccepts("check", "config", config);
    assertPromtoolAccepts("check", "rules", ALERT_RULES);
  }

  @Test
  void everyDashboardPanelAndAlertRuleQueryReturnsDataFromTheRunningPlatform() throws Exception {
    try (LocalStack stack = LocalStack.start(StackOnFreePorts.options(dataDir), System.out)) {
      LocalPrometheus.Config config =
          LocalPrometheus.configFor(
              PROMETHEUS_CONFIG,
              target -> stackAddress(stack, target),
              new DevTokens(stack).ops(),
              prometheusDir);
      assertThat(config.targets()).as("scrape targets in the stack").isNotEmpty();
      try (LocalPrometheus server =
          LocalPrometheus.start(
              prometheus, config.file(), prometheusDir, FreePorts.take(1).getFirst())) {
        playASmallRound(stack);
        deadLetterOneRecord(stack);
        // Each service's JVM GC meters count pauses after they were bound; on a large heap a short
        // run may have none, and the GC panels would be empty for a reason that is not theirs.
        System.gc();

        assertEveryTargetIsScraped(server, config.targets());
        List<DeployedQueries.Query> panels =
            DeployedQueries.dashboardQueries(
                DASHBOARDS, (metric, label) -> labelValues(server, metric, label));
        List<DeployedQueries.Query> rules = DeployedQueries.ruleQueries(ALERT_RULES);
        assertThat(panels).as("dashboard queries").isNotEmpty();
        assertThat(rules).as("alert rules").isNotEmpty();

        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> assertEveryQueryReturnsData(server, panels, rules));
        assertEveryRuleEvaluates(server);
      }
    }
  }

  /**
   * Where a target of the repository's configuration runs in the stack. Targets name a service and
   * its port ({@code judging-service:8083}); a target that is no service of the stack is left out.
   */
  private static Optional<String> stackAddress(LocalStack stack, String target) {
    return PlatformServices.ALL.stream()
        .filter(service -> target.equals(service.name() + ":" + service.port()))
        .findFirst()
        .map(service -> stack.serviceUrl(service.name()).replaceFirst("^http://", ""));
  }

  private static void assertEveryTargetIsScraped(LocalPrometheus server, List<String> expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode targets = server.api("/api/v1/targets").path("activeTargets");
              assertThat(
                      targets.valueStream().map(t -> t.path("labels").path("instance").asString()))
                  .as("active targets: %s", targets)
                  .containsExactlyInAnyOrderElementsOf(expected);
              assertThat(targets.valueStream().map(t -> t.path("health").asString()))
                  .as("target health: %s", targets)
                  .allMatch("up"::equals);
            });
  }

  /**
   * Panel queries must return data as they are. An alert rule's expression has data only while the
   * alert fires, which a healthy platform never does; so it must evaluate without error, and its
   * left-hand side (the value it compares with the threshold, {@code up} for {@code up == 0}) must
   * return data.
   */
  private static void assertEveryQueryReturnsData(
      LocalPrometheus server,
      List<DeployedQueries.Query> panels,
      List<DeployedQueries.Query> rules) {
    List<String> failures = new ArrayList<>();
    for (DeployedQueries.Query panel : panels) {
      check(server, panel.source(), panel.expression(), true, failures);
    }
    for (DeployedQueries.Query rule : rules) {
      check(server, rule.source(), rule.expression(), false, failures);
      check(
          server,
          rule.source() + " (left-hand side)",
          DeployedQueries.comparedValue(rule.expression()),
          true,
          failures);
    }
    assertThat(failures).as("queries without data or with errors").isEmpty();
  }

  private static void check(
      LocalPrometheus server,
      String source,
      String expression,
      boolean needsData,
      List<String> failures) {
    JsonNode answer = server.query(expression);
    if (!"success".equals(answer.path("status").asString())) {
      failures.add("%s: %s fails: %s".formatted(source, expression, answer.path("error")));
    } else if (needsData && answer.path("data").path("result").isEmpty()) {
      failures.add("%s: %s returns no data".formatted(source, expression));
    }
  }

  /** Every loaded rule was evaluated, and without error. */
  private static void assertEveryRuleEvaluates(LocalPrometheus server) {
    List<JsonNode> loaded = new ArrayList<>();
    server.api("/api/v1/rules").path("groups").forEach(g -> g.path("rules").forEach(loaded::add));
    assertThat(loaded).as("rules Prometheus loaded").isNotEmpty();
    assertThat(loaded)
        .allSatisfy(
            rule ->
                assertThat(rule.path("health").asString())
                    .as("health of rule %s", rule.path("name"))
                    .isEqualTo("ok"));
  }

  /** For a dashboard's {@code label_values} variable: the values Prometheus has now. */
  private static List<String> labelValues(LocalPrometheus server, String metric, String label) {
    String match =
        metric == null ? "" : "?match%5B%5D=" + URLEncoder.encode(metric, StandardCharsets.UTF_8);
    return server
        .api("/api/v1/label/" + label + "/values" + match)
        .valueStream()
        .map(JsonNode::asString)
        .toList();
  }

  /** {@code promtool check config|rules <file>} exits 0. */
  private void assertPromtoolAccepts(String check, String what, Path file) throws Exception {
    List<String> command =
        List.of(promtool.toString(), check, what, file.toAbsolutePath().normalize().toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(process.exitValue()).as("%s%n%s", String.join(" ", command), output).isZero();
  }

  // --- traffic: the business metrics every Programme panel shows ---

  /**
   * A small demo round, played through the REST APIs: problems, submissions, screening and finals
   * scores, judging progress, awards and the fund all have samples, and every service has published
   * and consumed events.
   */
  private static void playASmallRound(LocalStack stack) {
    stack.serviceUrls().values().stream().map(Http::new).forEach(StackOnFreePorts::awaitHealthy);
    new DemoRound(
            new DemoRound.Shape(2, 3, 2, 2, 10_000_00L, 1, Duration.ZERO),
            stack.serviceUrls(),
            stack.tokenIssuerUrl(),
            System.out)
        .play();
  }

  /**
   * A record whose body is not an event: its consumers dead-letter it at once, so the dead-letter
   * counter, its panel and its alert have samples, as they would after the platform's first one.
   */
  private static void deadLetterOneRecord(LocalStack stack) {
    try (RecordSender sender = new RecordSender(stack.kafkaBootstrapServers())) {
      sender.sendRaw(
          Topics.ROUNDS,
          "not-a-round",
          RecordSender.headers("wyp.round.RoundOpened.v1", "not-a-round"),
          "not json".getBytes(StandardCharsets.UTF_8));
    }
  }
}
