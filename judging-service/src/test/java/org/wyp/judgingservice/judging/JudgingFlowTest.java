package org.wyp.judgingservice.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.TopicReader.header;
import static org.wyp.kit.testing.TopicReader.ofType;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.PitchNotShortlisted;
import org.wyp.events.judging.PitchScoreRevised;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.judging.PitchShortlisted;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/** Scoring, shortlisting, concluding and the chain, end to end on real infrastructure. */
@ServiceIntegrationTest
class JudgingFlowTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;

  Http http;
  RecordSender sender;
  TopicReader judgingTopic;
  JudgingSupport judging;
  UUID roundId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    judgingTopic = new TopicReader(Brokers.of(kafka), Topics.JUDGING);
    judging = new JudgingSupport(http, sender);
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    sender.close();
    judgingTopic.close();
  }

  Predicate<ConsumerRecord<String, byte[]>> ofRound() {
    return r -> roundId.toString().equals(r.key());
  }

  /** Every record of this round on the topic, after the outbox has drained. */
  List<ConsumerRecord<String, byte[]>> roundRecords() {
    await().until(() -> relay.backlog() == 0);
    return judgingTopic.readToEnd().stream().filter(ofRound()).toList();
  }

  @Test
  void scoresArriveAsEventsInOrderKeyedByRoundAndARevisionIsKept() {
    UUID p1 = judging.pitch(roundId, 0);
    UUID p2 = judging.pitch(roundId, 1);
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 2, 1));
    judging.panel(roundId, "SCREENING", ann, bob);

    Http.Response first = judging.score(p1, "SCREENING", ann, 8, 5);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().path("total").asDouble())
        .isEqualTo(68.0, org.assertj.core.api.Assertions.within(1e-9));
    judging.scored(p2, "SCREENING", ann, 6, 6);
    Http.Response revised = judging.score(p1, "SCREENING", ann, 9, 5);
    assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
    assertThat(revised.json().path("revision").asInt()).isEqualTo(1);
    // The same scores again are not a new revision.
    assertThat(judging.score(p1, "SCREENING", ann, 9, 5).status()).isEqualTo(200);

    await()
        .untilAsserted(
            () ->
                assertThat(judgingTopic.matching(ofRound()))
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly(
                        "wyp.judging.PitchScored.v1",
                        "wyp.judging.PitchScored.v1",
                        "wyp.judging.PitchScoreRevised.v1"));
    List<ConsumerRecord<String, byte[]>> records = roundRecords();
    assertThat(records).extracting(ConsumerRecord::key).containsOnly(roundId.toString());
    PitchScored scored = EventCodec.fromJson(records.get(0).value(), PitchScored.class);
    assertThat(scored.pitchId()).isEqualTo(p1);
    assertThat(scored.judgeId()).isEqualTo(ann);
    assertThat(scored.scores()).isEqualTo(Map.of("impact", 8, "team", 5));
    assertThat(header(records.get(0), "ce_subject")).isEqualTo(p1.toString());
    PitchScoreRevised revision =
        EventCodec.fromJson(records.get(2).value(), PitchScoreRevised.class);
    assertThat(revision.revision()).isEqualTo(1);
    assertThat(revision.total()).isEqualTo(revised.json().path("total").asDouble());
    assertThat(records)
        .extracting(r -> EventCodec.fromJson(r.value(), PitchScored.class).version())
        .isSorted()
        .doesNotHaveDuplicates();

    // The chain holds the rubric and every score and revision, linked, and verifies.
    JsonNode chain = http.get("/api/rounds/" + roundId + "/chain").json();
    assertThat(chain.path("headSeq").asLong()).isEqualTo(4);
    assertThat(chain.path("entries"))
        .extracting(e -> e.path("kind").asString())
        .containsExactly("RUBRIC", "SCORE", "SCORE", "SCORE");
    assertThat(chain.path("head").asString())
        .isEqualTo(chain.path("entries").get(3).path("hash").asString());
    assertThat(http.get("/api/rounds/" + roundId + "/chain/verify").json().path("ok").asBoolean())
        .isTrue();
  }

  @Test
  void theShortlistEmitsOneEventPerPitchAndLocksScreening() {
    UUID p1 = judging.pitch(roundId, 0);
    UUID p2 = judging.pitch(roundId, 1);
    UUID p3 = judging.pitch(roundId, 2);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, 2));
    judging.panel(roundId, "SCREENING", ann);
    judging.scored(p1, "SCREENING", ann, 5, 5);
    judging.scored(p2, "SCREENING", ann, 9, 9);
    judging.scored(p3, "SCREENING", ann, 7, 7);

    Http.Response shortlist =
        http.post("/api/rounds/" + roundId + "/stages/SCREENING/shortlist", Map.of());

    assertThat(shortlist.status()).as(shortlist.toString()).isEqualTo(200);
    List<ConsumerRecord<String, byte[]>> records = roundRecords();
    List<PitchShortlisted> shortlisted =
        records.stream()
            .filter(ofType("wyp.judging.PitchShortlisted.v1"))
            .map(r -> EventCodec.fromJson(r.value(), PitchShortlisted.class))
            .toList();
    assertThat(shortlisted).extracting(PitchShortlisted::pitchId).containsExactly(p2, p3);
    assertThat(shortlisted).extracting(PitchShortlisted::screeningRank).containsExactly(1, 2);
    List<PitchNotShortlisted> notShortlisted =
        records.stream()
            .filter(ofType("wyp.judging.PitchNotShortlisted.v1"))
            .map(r -> EventCodec.fromJson(r.value(), PitchNotShortlisted.class))
            .toList();
    assertThat(notShortlisted).extracting(PitchNotShortlisted::pitchId).containsExactly(p1);
    assertThat(notShortlisted.getFirst().screeningRank()).isEqualTo(3);

    assertProblem(judging.score(p1, "SCREENING", ann, 10, 10), 409, "stage-locked");
    assertProblem(
        http.post("/api/rounds/" + roundId + "/stages/SCREENING/shortlist", Map.of("size", 1)),
        409,
        "already-shortlisted");
    // Only finalists are scored in the finals.
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "FINALS", ann);
    assertProblem(judging.score(p1, "FINALS", ann, 5, 5), 409, "not-a-finalist");
    assertThat(judging.score(p2, "FINALS", ann, 5, 5).status()).isEqualTo(201);
  }

  @Test
  void concludingTwicePublishesExactlyOneJudgingConcludedMatchingTheRankingAndLocksTheFinals() {
    UUID p1 = judging.pitch(roundId, 0);
    UUID p2 = judging.pitch(roundId, 1);
    UUID p3 = judging.pitch(roundId, 2);
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    UUID cy = judging.judge("Cy Patel");
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("ZSCORE", 2, null));
    judging.panel(roundId, "FINALS", ann, bob, cy);
    judging.scored(p1, "FINALS", ann, 9, 8);
    judging.scored(p1, "FINALS", bob, 6, 7);
    judging.scored(p2, "FINALS", ann, 7, 7);
    judging.scored(p2, "FINALS", bob, 8, 9);
    judging.scored(p2, "FINALS", cy, 5, 3);
    judging.scored(p3, "FINALS", cy, 9, 9);

    Http.Response first = http.post("/api/rounds/" + roundId + "/conclude", null);
    Http.Response second = http.post("/api/rounds/" + roundId + "/conclude", null);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().path("seq")).isEqualTo(first.json().path("seq"));
    List<ConsumerRecord<String, byte[]>> concluded =
        roundRecords().stream().filter(ofType("wyp.judging.JudgingConcluded.v1")).toList();
    assertThat(concluded).hasSize(1);
    JudgingConcluded event =
        EventCodec.fromJson(concluded.getFirst().value(), JudgingConcluded.class);

    // The published figures are the ranking endpoint's, to the last bit.
    JsonNode ranking = http.get("/api/rounds/" + roundId + "/stages/FINALS/ranking").json();
    assertThat(ranking.path("locked").asBoolean()).isTrue();
    JsonNode entries = ranking.path("entries");
    assertThat(event.ranking()).hasSize(entries.size()).hasSize(3);
    for (int i = 0; i < entries.size(); i++) {
      JudgingConcluded.RankedPitch published = event.ranking().get(i);
      JsonNode shown = entries.get(i);
      assertThat(published.pitchId()).hasToString(shown.path("pitchId").asString());
      assertThat(published.rawScore()).isEqualTo(shown.path("rawScore").asDouble());
      assertThat(published.normalisedScore()).isEqualTo(shown.path("normalisedScore").asDouble());
      assertThat(published.medianTotal()).isEqualTo(shown.path("medianTotal").asDouble());
      assertThat(published.judgeCount()).isEqualTo(shown.path("judgeCount").asInt());
      assertThat(published.requestedPence()).isEqualTo(4_500_000L);
    }
    assertThat(event.ranking())
        .extracting(JudgingConcluded.RankedPitch::rank)
        .containsExactly(1, 2, null);
    assertThat(event.ranking().get(2).pitchId()).isEqualTo(p3);

    // The fingerprint is the chain's head before the conclusion, which is the chain's last entry.
    JsonNode chain = http.get("/api/rounds/" + roundId + "/chain").json();
    long conclusionSeq = first.json().path("seq").asLong();
    assertThat(chain.path("headSeq").asLong()).isEqualTo(conclusionSeq);
    assertThat(event.scoresFingerprint())
        .isEqualTo(chain.path("entries").get((int) conclusionSeq - 2).path("hash").asString());
    assertThat(event.version()).isEqualTo(conclusionSeq);

    assertProblem(judging.score(p3, "FINALS", ann, 1, 1), 409, "stage-locked");
    assertProblem(judging.score(p1, "FINALS", ann, 1, 1), 409, "stage-locked");
  }

  @Test
  void aTamperedChainEntryIsDetectedByTheVerifyEndpoint() {
    UUID p1 = judging.pitch(roundId, 0);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "FINALS", ann);
    judging.scored(p1, "FINALS", ann, 3, 3);
    judging.scored(p1, "FINALS", ann, 4, 4);
    assertThat(http.get("/api/rounds/" + roundId + "/chain/verify").json().path("ok").asBoolean())
        .isTrue();

    // Someone with database access raises the first score.
    mongo.updateFirst(
        query(where("_id").is(roundId + ":2")),
        new Update().set("data.scores.impact", 10),
        "chain_entries");

    JsonNode verification = http.get("/api/rounds/" + roundId + "/chain/verify").json();
    assertThat(verification.path("ok").asBoolean()).isFalse();
    assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(2);
    assertThat(verification.path("problem").asString()).contains("hash");
  }
}
