package org.wyp.judgingservice.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.PrometheusScrape;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;

/**
 * What Prometheus scrapes from judging-service after real scoring: a judge's first score for a
 * pitch is counted per round and stage, a revision is not; and each stage's pitches are counted by
 * how far their scoring has got. The application context is shared with other test classes, so the
 * samples are picked out by a round of this test's own.
 */
@ServiceIntegrationTest
class JudgingMetricsTest {

  private static final String SERVICE = "judging-service";

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;

  Http http;
  Http ops;
  RecordSender sender;
  JudgingSupport judging;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    ops = Http.localhost(port).as(TestTokens.ops());
    sender = new RecordSender(Brokers.of(kafka));
    judging = new JudgingSupport(http, sender);
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void aJudgesFirstScoreIsCountedByRoundAndStageAndARevisionIsNot() {
    UUID roundId = UUID.randomUUID();
    UUID pitchId = judging.pitch(roundId, 0);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, 1));
    judging.panel(roundId, "SCREENING", ann);
    Map<String, String> screening =
        Map.of("service", SERVICE, "round", roundId.toString(), "stage", "SCREENING");
    assertThat(PrometheusScrape.of(ops).value("wyp_scores_recorded_total", screening)).isEmpty();

    Http.Response first = judging.score(pitchId, "SCREENING", ann, 8, 5);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);

    await()
        .untilAsserted(
            () ->
                assertThat(PrometheusScrape.of(ops).value("wyp_scores_recorded_total", screening))
                    .hasValue(1.0));

    Http.Response revised = judging.score(pitchId, "SCREENING", ann, 9, 5);
    assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
    assertThat(revised.json().path("revision").asInt()).isEqualTo(1);

    // The counter is incremented in the request itself, so a revision counted would show already.
    PrometheusScrape scrape = PrometheusScrape.of(ops);
    assertThat(scrape.value("wyp_scores_recorded_total", screening)).hasValue(1.0);
    assertThat(
            scrape.value(
                "wyp_scores_recorded_total",
                Map.of("service", SERVICE, "round", roundId.toString(), "stage", "FINALS")))
        .isEmpty();
  }

  @Test
  void judgingProgressCountsAStagesPitchesUnscoredBelowQuorumAndRanked() {
    UUID roundId = UUID.randomUUID();
    UUID first = judging.pitch(roundId, 0);
    UUID second = judging.pitch(roundId, 1);
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 2, 1));
    judging.panel(roundId, "SCREENING", ann, bob);

    awaitProgress(roundId, "SCREENING", 2, 0, 0);

    judging.scored(first, "SCREENING", ann, 8, 5);
    awaitProgress(roundId, "SCREENING", 1, 1, 0);

    judging.scored(first, "SCREENING", bob, 6, 7);
    judging.scored(second, "SCREENING", bob, 4, 4);
    awaitProgress(roundId, "SCREENING", 0, 1, 1);

    // No finals rubric yet: the finals are not being judged, so they have no samples.
    assertThat(progress(PrometheusScrape.of(ops), roundId, "FINALS", "unscored")).isEmpty();
  }

  private void awaitProgress(
      UUID roundId, String stage, int unscored, int belowQuorum, int ranked) {
    await()
        .untilAsserted(
            () -> {
              PrometheusScrape scrape = PrometheusScrape.of(ops);
              assertThat(progress(scrape, roundId, stage, "unscored")).hasValue(unscored);
              assertThat(progress(scrape, roundId, stage, "below_quorum")).hasValue(belowQuorum);
              assertThat(progress(scrape, roundId, stage, "ranked")).hasValue(ranked);
            });
  }

  private static OptionalDouble progress(
      PrometheusScrape scrape, UUID roundId, String stage, String state) {
    return scrape.value(
        "wyp_judging_pitches",
        Map.of("service", SERVICE, "round", roundId.toString(), "stage", stage, "state", state));
  }
}
