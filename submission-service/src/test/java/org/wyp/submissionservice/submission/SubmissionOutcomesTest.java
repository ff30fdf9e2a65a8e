package org.wyp.submissionservice.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.submissionservice.ProgrammeSupport.T0;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.events.judging.PitchNotShortlisted;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.judging.PitchShortlisted;
import org.wyp.events.judging.Stage;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.submissionservice.ProgrammeSupport;
import tools.jackson.databind.JsonNode;

/**
 * Judging and award events move a pitch to the right status exactly once, however often they are
 * delivered and even when an older one arrives after a newer one.
 */
@ServiceIntegrationTest
class SubmissionOutcomesTest {

  private static final String GROUP = "submission-service";

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;
  ProgrammeSupport programme;
  UUID roundId;
  UUID problemId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    programme = new ProgrammeSupport(http, sender, mongo);
    roundId = programme.openRound();
    problemId = programme.publishedProblem(roundId);
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void aShortlistDeliveredTwiceMovesThePitchOnceAndALateRejectionIsIgnored() {
    UUID pitch = submitted();

    EventEnvelope shortlisted = sender.send(new PitchShortlisted(roundId, pitch, 5, 2, T0));
    sender.send(shortlisted);
    sender.send(new PitchNotShortlisted(roundId, pitch, 4, 9, T0));
    sender.awaitConsumed(GROUP, Topics.JUDGING);

    JsonNode view = view(pitch);
    assertThat(view.path("status").asString()).isEqualTo("SHORTLISTED");
    assertThat(view.path("version").asLong()).isEqualTo(2);
  }

  @Test
  void finalsScoringAndConclusionMakeAFinalistOnceAndAnAwardDeliveredTwiceAwardsOnce() {
    UUID winner = submitted();
    UUID runnerUp = submitted();
    for (UUID pitch : List.of(winner, runnerUp)) {
      sender.send(new PitchShortlisted(roundId, pitch, 5, 1, T0));
      PitchScored scored =
          new PitchScored(
              roundId,
              pitch,
              6,
              Stage.FINALS,
              UUID.randomUUID(),
              Map.of("impact", 8),
              80.0,
              "",
              T0);
      sender.send(scored);
      sender.send(scored);
    }
    EventEnvelope concluded =
        sender.send(
            new JudgingConcluded(
                roundId,
                9,
                Stage.FINALS,
                List.of(ranked(winner, 1), ranked(runnerUp, 2)),
                "ab12",
                T0));
    sender.send(concluded);
    sender.awaitConsumed(GROUP, Topics.JUDGING);
    assertThat(view(winner).path("status").asString()).isEqualTo("FINALIST");
    assertThat(view(winner).path("version").asLong()).isEqualTo(3);

    EventEnvelope award =
        sender.send(
            new AwardGranted(
                UUID.randomUUID(),
                1,
                roundId,
                winner,
                problemId,
                UUID.randomUUID(),
                1,
                5_000_000,
                List.of(new AwardGranted.Tranche(1, "On acceptance", 100, 5_000_000)),
                T0));
    sender.send(award);
    sender.awaitConsumed(GROUP, Topics.AWARDS);

    JsonNode awarded = view(winner);
    assertThat(awarded.path("status").asString()).isEqualTo("AWARDED");
    assertThat(awarded.path("awardedPence").asLong()).isEqualTo(5_000_000);
    assertThat(awarded.path("version").asLong()).isEqualTo(4);
    JsonNode notAwarded = view(runnerUp);
    assertThat(notAwarded.path("status").asString()).isEqualTo("NOT_AWARDED");
    assertThat(notAwarded.path("version").asLong()).isEqualTo(4);
  }

  @Test
  void anAwardProcessedBeforeALoserBecomesAFinalistStillLeavesTheLoserNotAwarded() {
    UUID winner = submitted();
    UUID loser = submitted();
    for (UUID pitch : List.of(winner, loser)) {
      sender.send(new PitchShortlisted(roundId, pitch, 5, 1, T0));
    }
    sender.awaitConsumed(GROUP, Topics.JUDGING);
    // The awards topic runs ahead of the judging topic: Kafka keeps no order between topics.
    sender.send(
        new AwardGranted(
            UUID.randomUUID(),
            1,
            roundId,
            winner,
            problemId,
            UUID.randomUUID(),
            1,
            5_000_000,
            List.of(new AwardGranted.Tranche(1, "On acceptance", 100, 5_000_000)),
            T0));
    sender.awaitConsumed(GROUP, Topics.AWARDS);
    sender.send(
        new JudgingConcluded(
            roundId, 9, Stage.FINALS, List.of(ranked(winner, 1), ranked(loser, 2)), "ab12", T0));
    sender.awaitConsumed(GROUP, Topics.JUDGING);

    assertThat(view(winner).path("status").asString()).isEqualTo("AWARDED");
    assertThat(view(loser).path("status").asString()).isEqualTo("NOT_AWARDED");
  }

  @Test
  void aWithdrawnPitchIsNotMovedByLaterOutcomes() {
    UUID pitch = submitted();
    UUID owner = UUID.fromString(view(pitch).path("smeId").asString());
    programme.asSme(owner).post("/api/submissions/" + pitch + "/withdraw", null);

    sender.send(new PitchShortlisted(roundId, pitch, 5, 1, T0));
    sender.awaitConsumed(GROUP, Topics.JUDGING);

    assertThat(view(pitch).path("status").asString()).isEqualTo("WITHDRAWN");
  }

  private UUID submitted() {
    UUID smeId = programme.registeredSme();
    Http.Response created =
        programme.asSme(smeId).post("/api/submissions", pitch(problemId, smeId, "Pitch"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.text("id"));
  }

  private JsonNode view(UUID submission) {
    return programme.asOrganiser().get("/api/submissions/" + submission).json();
  }

  private static RankedPitch ranked(UUID pitch, int rank) {
    return new RankedPitch(pitch, null, null, rank, 80.0 - rank, null, 5, 80.0, 4_500_000);
  }
}
