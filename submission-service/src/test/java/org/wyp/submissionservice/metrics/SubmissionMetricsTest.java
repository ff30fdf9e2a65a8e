package org.wyp.submissionservice.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.PrometheusScrape;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.submissionservice.ProgrammeSupport;

/**
 * What Prometheus scrapes from submission-service after real submissions: pitches received per
 * round and submissions stored per round and status. The application context and database are
 * shared with other test classes, so every sample is picked out by a round of this test's own.
 */
@ServiceIntegrationTest
class SubmissionMetricsTest {

  private static final String SERVICE = "submission-service";

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  Http ops;
  RecordSender sender;
  ProgrammeSupport programme;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    ops = http.as(TestTokens.ops());
    sender = new RecordSender(Brokers.of(kafka));
    programme = new ProgrammeSupport(http, sender, mongo);
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void anAcceptedPitchIsCountedOnceEvenWhenReplayedAndItsStatusFollowsAWithdrawal() {
    UUID roundId = programme.openRound();
    UUID problemId = programme.publishedProblem(roundId);
    UUID smeId = programme.registeredSme();
    String round = roundId.toString();
    Map<String, String> received = Map.of("service", SERVICE, "round", round);
    Map<String, String> submitted =
        Map.of("service", SERVICE, "round", round, "status", "SUBMITTED");
    Map<String, String> withdrawn =
        Map.of("service", SERVICE, "round", round, "status", "WITHDRAWN");
    Map<String, Object> body = pitch(problemId, smeId, "Damp sensors");
    Map<String, String> key = Map.of("Idempotency-Key", "metrics-" + UUID.randomUUID());

    Http sme = programme.asSme(smeId);
    Http.Response created = sme.send("POST", "/api/submissions", body, key);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");

    await()
        .untilAsserted(
            () -> {
              PrometheusScrape scrape = PrometheusScrape.of(ops);
              assertThat(scrape.value("wyp_submissions_received_total", received)).hasValue(1.0);
              assertThat(scrape.value("wyp_submissions", submitted)).hasValue(1.0);
              assertThat(scrape.value("wyp_submissions", withdrawn)).isEmpty();
            });

    Http.Response replay = sme.send("POST", "/api/submissions", body, key);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
    assertThat(replay.text("id")).isEqualTo(id);
    // The counter is incremented in the request itself, so a replay counted would show already.
    assertThat(PrometheusScrape.of(ops).value("wyp_submissions_received_total", received))
        .hasValue(1.0);

    Http.Response withdrawal = sme.post("/api/submissions/" + id + "/withdraw", null);
    assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);

    await()
        .untilAsserted(
            () -> {
              PrometheusScrape scrape = PrometheusScrape.of(ops);
              assertThat(scrape.value("wyp_submissions", withdrawn)).hasValue(1.0);
              assertThat(scrape.value("wyp_submissions", submitted).orElse(0)).isZero();
              assertThat(scrape.value("wyp_submissions_received_total", received)).hasValue(1.0);
            });
  }
}
