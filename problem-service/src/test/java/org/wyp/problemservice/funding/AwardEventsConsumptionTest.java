package org.wyp.problemservice.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.kit.testing.TopicReader.header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.award.AwardAccepted;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.AwardGranted.Tranche;
import org.wyp.events.award.TrancheReleased;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TopicReader;
import org.wyp.problemservice.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Problem-service consuming award events on a real broker: poison records go to the dead-letter
 * topic while later records are still processed, and delivering every event twice (or an old one
 * late) changes nothing.
 */
@ServiceIntegrationTest
class AwardEventsConsumptionTest {

  private static final String GROUP = "problem-service";
  private static final String DLT = Topics.deadLetterOf(Topics.AWARDS);

  @LocalServerPort int port;

  @Autowired KafkaProperties kafka;

  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;
  String problemId;
  UUID roundId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    String round = Fixtures.openRound(http);
    roundId = UUID.fromString(round);
    problemId = Fixtures.publishedProblem(http, round, "Lonely older people after discharge");
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicAndLaterRecordsAreStillProcessed() {
    UUID awardId = UUID.randomUUID();
    String key = awardId.toString();
    byte[] malformed = "{\"awardId\": \"".getBytes(StandardCharsets.UTF_8);
    sender.sendRaw(
        Topics.AWARDS, key, RecordSender.headers("wyp.award.AwardGranted.v1", key), malformed);
    AwardGranted negative = granted(awardId, 1, -5_000_00);
    sender.send(negative);
    sender.sendRaw(
        Topics.AWARDS,
        key,
        Map.of("content-type", "application/json"),
        "{}".getBytes(StandardCharsets.UTF_8));
    sender.sendRaw(
        Topics.AWARDS,
        key,
        RecordSender.headers("wyp.award.AwardRenamed.v9", key),
        "{\"awardId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    AwardGranted valid = granted(awardId, 1, 50_000_00);
    sender.send(valid);

    await().untilAsserted(() -> assertThat(fundedSolutions()).hasSize(1));
    JsonNode solution = fundedSolutions().get(0);
    assertThat(solution.path("awardId").asString()).isEqualTo(key);
    assertThat(solution.path("amountPence").asLong()).isEqualTo(50_000_00);
    assertThat(solution.path("status").asString()).isEqualTo("GRANTED");

    try (TopicReader deadLetters = new TopicReader(Brokers.of(kafka), DLT)) {
      await()
          .untilAsserted(
              () -> assertThat(deadLetters.matching(r -> key.equals(r.key()))).hasSize(3));
      List<ConsumerRecord<String, byte[]>> dead = deadLetters.matching(r -> key.equals(r.key()));
      assertThat(dead.get(0).value()).isEqualTo(malformed);
      assertThat(header(dead.get(0), "kafka_dlt-exception-cause-fqcn"))
          .isEqualTo("org.wyp.events.EventDecodingException");
      assertThat(header(dead.get(1), "kafka_dlt-exception-cause-fqcn"))
          .isEqualTo("org.wyp.kit.kafka.PoisonEventException");
      assertThat(header(dead.get(1), "kafka_dlt-exception-message")).contains("positive amount");
      assertThat(header(dead.get(2), "kafka_dlt-exception-message")).contains("ce_type");
      assertThat(dead)
          .allSatisfy(
              record -> {
                assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.AWARDS);
                assertThat(header(record, "kafka_dlt-original-offset")).isNotBlank();
              });
      // The unknown type is skipped, not dead-lettered: consumers ignore types they do not know.
      assertThat(dead).noneMatch(r -> "wyp.award.AwardRenamed.v9".equals(header(r, "ce_type")));
    }
  }

  @Test
  void deliveringEveryEventTwiceOrLateChangesNothing() {
    UUID once = UUID.randomUUID();
    UUID twice = UUID.randomUUID();
    for (UUID awardId : List.of(once, twice)) {
      List<EventEnvelope> history =
          List.of(
              sender.send(granted(awardId, 1, 30_000_00)),
              sender.send(new AwardAccepted(awardId, 2, roundId, submissionOf(awardId), now())),
              sender.send(
                  new TrancheReleased(
                      awardId,
                      3,
                      roundId,
                      submissionOf(awardId),
                      1,
                      "On acceptance",
                      12_000_00,
                      12_000_00,
                      now())));
      if (awardId.equals(twice)) {
        history.forEach(sender::send);
        sender.send(history.getFirst());
      }
    }
    sender.awaitConsumed(GROUP, Topics.AWARDS);

    Document single = projection(once);
    Document doubled = projection(twice);
    assertThat(doubled.get("status")).isEqualTo("ACCEPTED");
    assertThat(((Number) doubled.get("paidPence")).longValue()).isEqualTo(12_000_00);
    for (String field : List.of("status", "amountPence", "paidPence", "version", "problemId")) {
      assertThat(doubled.get(field)).as(field).isEqualTo(single.get(field));
    }
    assertThat(fundedSolutions()).hasSize(2);
  }

  private List<JsonNode> fundedSolutions() {
    JsonNode problem = http.get("/api/problems/" + problemId).json();
    return problem.path("fundedSolutions").valueStream().toList();
  }

  private Document projection(UUID awardId) {
    return mongo.findById(awardId.toString(), Document.class, "funded_solutions");
  }

  private AwardGranted granted(UUID awardId, long version, long amountPence) {
    return new AwardGranted(
        awardId,
        version,
        roundId,
        submissionOf(awardId),
        UUID.fromString(problemId),
        UUID.nameUUIDFromBytes(("sme" + awardId).getBytes(StandardCharsets.UTF_8)),
        1,
        amountPence,
        List.of(
            new Tranche(1, "On acceptance", 40, amountPence * 40 / 100),
            new Tranche(2, "Final milestone", 60, amountPence - amountPence * 40 / 100)),
        now());
  }

  private static UUID submissionOf(UUID awardId) {
    return UUID.nameUUIDFromBytes(("submission" + awardId).getBytes(StandardCharsets.UTF_8));
  }

  private static Instant now() {
    return Instant.parse("2026-06-12T15:00:00Z");
  }
}
