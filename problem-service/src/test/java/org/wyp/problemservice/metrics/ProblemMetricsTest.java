package org.wyp.problemservice.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.Topics;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.AwardGranted.Tranche;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.PrometheusScrape;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.problemservice.Fixtures;

/**
 * What Prometheus scrapes from problem-service after real actions: the business metrics, the kit's
 * event and outbox metrics, and the Kafka clients' own. The application context is shared with
 * other test classes, so event counters are compared with their values before the action, and the
 * problem carries a theme of its own.
 */
@ServiceIntegrationTest
class ProblemMetricsTest {

  private static final String SERVICE = "problem-service";

  @LocalServerPort int port;

  @Autowired KafkaProperties kafka;

  Http http;
  RecordSender sender;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void publishingAProblemCountsItByThemeAndItsEventOnceAcknowledged() {
    String theme = "metrics-" + Long.toString(System.nanoTime(), 36);
    Map<String, String> published =
        Map.of("topic", Topics.PROBLEMS, "type", "wyp.problem.ProblemPublished.v1");
    double eventsBefore = value("wyp_events_published_total", published);

    String roundId = Fixtures.openRound(http);
    Map<String, Object> problem = Fixtures.problem(roundId, "Falls at home after discharge");
    problem.put("theme", theme);
    String problemId =
        http.as(TestTokens.problemOwner(Fixtures.OWNER)).post("/api/problems", problem).text("id");
    assertThat(
            http.as(TestTokens.organiser())
                .post("/api/problems/" + problemId + "/publish", null)
                .status())
        .isEqualTo(200);

    await()
        .untilAsserted(
            () -> {
              PrometheusScrape scrape = PrometheusScrape.of(http.as(TestTokens.ops()));
              assertThat(
                      scrape.value(
                          "wyp_problems_published_total",
                          Map.of("service", SERVICE, "theme", theme)))
                  .hasValue(1.0);
              assertThat(
                      scrape.value(
                          "wyp_problems",
                          Map.of("service", SERVICE, "status", "PUBLISHED", "theme", theme)))
                  .hasValue(1.0);
              assertThat(scrape.value("wyp_problems", Map.of("status", "DRAFT", "theme", theme)))
                  .isEmpty();
              assertThat(scrape.value("wyp_events_published_total", published).orElseThrow())
                  .isGreaterThanOrEqualTo(eventsBefore + 1);
              assertThat(scrape.value("wyp_outbox_backlog", Map.of("service", SERVICE)))
                  .hasValue(0.0);
              assertThat(scrape.value("wyp_outbox_oldest_age_seconds", Map.of("service", SERVICE)))
                  .hasValue(0.0);
              // The producer's client metrics, bound on the kit's own producer factory.
              assertThat(scrape.has("kafka_producer_record_send_total")).isTrue();
            });
  }

  @Test
  void consumedUnknownAndDeadLetteredRecordsAreCountedByTopicAndType() {
    Map<String, String> granted =
        Map.of("topic", Topics.AWARDS, "type", "wyp.award.AwardGranted.v1");
    Map<String, String> unknown = Map.of("topic", Topics.AWARDS, "type", "unknown");
    Map<String, String> deadLettered = Map.of("topic", Topics.AWARDS);
    double grantedBefore = value("wyp_events_consumed_total", granted);
    double unknownBefore = value("wyp_events_consumed_total", unknown);
    double deadBefore = value("wyp_events_dead_lettered_total", deadLettered);

    String roundId = Fixtures.openRound(http);
    String problemId = Fixtures.publishedProblem(http, roundId, "Missed hospital appointments");
    sender.send(granted(UUID.fromString(roundId), UUID.fromString(problemId)));
    String key = UUID.randomUUID().toString();
    sender.sendRaw(
        Topics.AWARDS,
        key,
        RecordSender.headers("wyp.award.AwardDreamedUp.v1", key),
        "{}".getBytes(StandardCharsets.UTF_8));
    sender.sendRaw(
        Topics.AWARDS,
        key,
        RecordSender.headers("wyp.award.AwardGranted.v1", key),
        "{\"awardId\": \"".getBytes(StandardCharsets.UTF_8));

    await()
        .untilAsserted(
            () -> {
              PrometheusScrape scrape = PrometheusScrape.of(http.as(TestTokens.ops()));
              assertThat(scrape.value("wyp_events_consumed_total", granted))
                  .hasValue(grantedBefore + 1);
              assertThat(scrape.value("wyp_events_consumed_total", unknown))
                  .hasValue(unknownBefore + 1);
              assertThat(scrape.value("wyp_events_dead_lettered_total", deadLettered))
                  .hasValue(deadBefore + 1);
              // Consumer lag, bound by Boot on its consumer factory.
              assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
            });
  }

  @Test
  void readyWhileKafkaAndMongoAnswer() {
    assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  private double value(String name, Map<String, String> labels) {
    return PrometheusScrape.of(http.as(TestTokens.ops())).value(name, labels).orElse(0);
  }

  private static AwardGranted granted(UUID roundId, UUID problemId) {
    UUID awardId = UUID.randomUUID();
    long amountPence = 10_000_00;
    return new AwardGranted(
        awardId,
        1,
        roundId,
        UUID.randomUUID(),
        problemId,
        UUID.randomUUID(),
        1,
        amountPence,
        List.of(
            new Tranche(1, "On acceptance", 40, amountPence * 40 / 100),
            new Tranche(2, "Final milestone", 60, amountPence * 60 / 100)),
        Instant.parse("2026-06-12T15:00:00Z"));
  }
}
