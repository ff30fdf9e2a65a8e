package org.wyp.judgingservice.pitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.judgingservice.JudgingSupport.T0;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.submission.SubmissionAmended;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Pitches built from submission-service's events, whatever order and however often they come. */
@ServiceIntegrationTest
class PitchProjectionTest {

  private static final String GROUP = "judging-service";

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;

  Http http;
  RecordSender sender;
  JudgingSupport judging;
  UUID roundId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    judging = new JudgingSupport(http, sender);
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void duplicateAndOutOfOrderEventsLeaveThePitchAsTheNewestEventsSay() {
    SubmissionReceived received =
        JudgingSupport.received(UUID.randomUUID(), roundId, "Breathe Ltd", 0);
    UUID id = received.submissionId();
    // The amendment (v2) arrives first, then the receipt (v1) twice.
    EventEnvelope amended =
        sender.send(
            new SubmissionAmended(
                id,
                2,
                roundId,
                received.problemId(),
                received.smeId(),
                "Breathe Ltd",
                "Better title",
                "New summary",
                3_000_000L,
                T0));
    sender.send(amended);
    EventEnvelope first = sender.send(received);
    sender.send(first);
    sender.awaitConsumed(GROUP, Topics.SUBMISSIONS);

    JsonNode pitch = http.get("/api/pitches/" + id).json();
    assertThat(pitch.path("title").asString()).isEqualTo("Better title");
    assertThat(pitch.path("requestedPence").asLong()).isEqualTo(3_000_000L);
    assertThat(pitch.path("withdrawn").asBoolean()).isFalse();
    assertThat(pitch.path("submittedAt").asString()).isEqualTo(received.submittedAt().toString());
    assertThat(
            http.get("/api/rounds/" + roundId + "/pitches").json().path("totalElements").asLong())
        .isEqualTo(1);
  }

  @Test
  void aWithdrawnPitchStaysWithdrawnLeavesTheRankingAndIsRecordedOnceInTheChain() {
    UUID kept = judging.pitch(roundId, 0);
    SubmissionReceived received =
        JudgingSupport.received(UUID.randomUUID(), roundId, "Gone Ltd", 1);
    UUID gone = judging.pitch(received);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "SCREENING", ann);
    judging.scored(kept, "SCREENING", ann, 5, 5);
    judging.scored(gone, "SCREENING", ann, 9, 9);

    EventEnvelope withdrawn =
        sender.send(
            new SubmissionWithdrawn(gone, 3, roundId, received.problemId(), received.smeId(), T0));
    sender.send(withdrawn);
    // A late copy of the receipt must not bring it back.
    sender.send(received);
    sender.awaitConsumed(GROUP, Topics.SUBMISSIONS);

    assertThat(http.get("/api/pitches/" + gone).json().path("withdrawn").asBoolean()).isTrue();
    JsonNode ranking = http.get("/api/rounds/" + roundId + "/stages/SCREENING/ranking").json();
    assertThat(ranking.path("entries"))
        .extracting(e -> e.path("pitchId").asString())
        .containsExactly(kept.toString());
    assertThat(ranking.path("judges").get(0).path("pitches").asInt()).isEqualTo(1);
    List<String> kinds =
        http.get("/api/rounds/" + roundId + "/chain")
            .json()
            .path("entries")
            .valueStream()
            .map(e -> e.path("kind").asString())
            .toList();
    assertThat(kinds).containsOnlyOnce("WITHDRAWAL");
    assertThat(judging.score(gone, "SCREENING", ann, 1, 1).status()).isEqualTo(409);
  }
}
