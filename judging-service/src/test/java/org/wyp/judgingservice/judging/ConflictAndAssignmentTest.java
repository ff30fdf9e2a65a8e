package org.wyp.judgingservice.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.TopicReader.ofType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.Uuids;
import org.wyp.events.judging.ConflictDeclared;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/** Conflicts of interest, assignments and their rebalancing, on real infrastructure. */
@ServiceIntegrationTest
class ConflictAndAssignmentTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
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

  @Test
  void aDeclaredConflictForbidsScoringAndExcludesTheScoreAlreadyGiven() {
    UUID pitch = judging.pitch(roundId, 0);
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "FINALS", ann, bob);
    judging.scored(pitch, "FINALS", ann, 10, 10);
    judging.scored(pitch, "FINALS", bob, 5, 5);

    Http.Response declared =
        http.post(
            "/api/judges/" + ann + "/conflicts",
            Map.of("pitchId", pitch.toString(), "reason", "My brother's firm"));

    assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    Http.Response refused = judging.score(pitch, "FINALS", ann, 9, 9);
    assertProblem(refused, 403, "conflict-of-interest");
    assertThat(refused.text("detail")).contains("declared").contains("My brother's firm");
    JsonNode line =
        http.get("/api/rounds/" + roundId + "/stages/FINALS/ranking").json().path("entries").get(0);
    assertThat(line.path("judgeCount").asInt()).isEqualTo(1);
    assertThat(line.path("rawScore").asDouble()).isEqualTo(50.0);

    await().until(() -> relay.backlog() == 0);
    List<ConflictDeclared> events =
        judgingTopic.readToEnd().stream()
            .filter(r -> roundId.toString().equals(r.key()))
            .filter(ofType("wyp.judging.ConflictDeclared.v1"))
            .map(r -> EventCodec.fromJson(r.value(), ConflictDeclared.class))
            .toList();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.judgeId()).isEqualTo(ann);
              assertThat(e.pitchId()).isEqualTo(pitch);
              assertThat(e.detected()).isFalse();
            });
  }

  @Test
  void anAffiliationMatchingTheSmesNameOrNumberIsDetected() {
    SubmissionReceived byName =
        JudgingSupport.received(Uuids.v7(), roundId, "Breathe Sensors Ltd", 0);
    SubmissionReceived byNumber = JudgingSupport.received(Uuids.v7(), roundId, "Other Co Ltd", 1);
    judging.pitch(byName);
    judging.pitch(byNumber);
    UUID ann = judging.judge("Ann Jones", "  breathe SENSORS ltd ");
    UUID bob = judging.judge("Bob Smith", byNumber.smeCompanyNumber().toLowerCase());
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "SCREENING", ann, bob);

    Http.Response byNameRefused = judging.score(byName.submissionId(), "SCREENING", ann, 5, 5);
    assertProblem(byNameRefused, 403, "conflict-of-interest");
    assertThat(byNameRefused.text("detail")).contains("detected");
    assertProblem(
        judging.score(byNumber.submissionId(), "SCREENING", bob, 5, 5),
        403,
        "conflict-of-interest");
    assertThat(judging.score(byNumber.submissionId(), "SCREENING", ann, 5, 5).status())
        .isEqualTo(201);
  }

  @Test
  void screeningAssignmentsMeetTheQuorumEvenlyAndAConflictIsReassigned() {
    List<UUID> pitches = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      pitches.add(judging.pitch(roundId, i));
    }
    List<UUID> judges = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      judges.add(judging.judge("Judge " + i));
    }
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("ZSCORE", 2, 3));
    judging.panel(roundId, "SCREENING", judges.toArray(UUID[]::new));

    JsonNode panel =
        http.post("/api/rounds/" + roundId + "/stages/SCREENING/assignments", null).json();

    assertThat(panel.path("assignments"))
        .hasSize(7)
        .allSatisfy(a -> assertThat(a.path("judgeIds")).hasSize(2));
    List<Integer> loads = panel.path("loads").valueStream().map(JsonNode::asInt).toList();
    assertThat(
            loads.stream().mapToInt(i -> i).max().getAsInt()
                - loads.stream().mapToInt(i -> i).min().getAsInt())
        .isLessThanOrEqualTo(1);

    JsonNode firstAssignment = panel.path("assignments").get(0);
    UUID pitch = UUID.fromString(firstAssignment.path("pitchId").asString());
    UUID assigned = UUID.fromString(firstAssignment.path("judgeIds").get(0).asString());
    UUID unassigned =
        judges.stream()
            .filter(j -> !firstAssignment.path("judgeIds").toString().contains(j.toString()))
            .findFirst()
            .orElseThrow();
    assertProblem(judging.score(pitch, "SCREENING", unassigned, 5, 5), 403, "not-assigned");

    http.post(
        "/api/judges/" + assigned + "/conflicts",
        Map.of("pitchId", pitch.toString(), "reason", "Adviser"));

    JsonNode after = http.get("/api/rounds/" + roundId + "/stages/SCREENING/panel").json();
    JsonNode reassigned = after.path("assignments").get(0);
    assertThat(reassigned.path("pitchId").asString()).isEqualTo(pitch.toString());
    assertThat(reassigned.path("judgeIds")).hasSize(2);
    assertThat(reassigned.path("judgeIds").toString()).doesNotContain(assigned.toString());
  }

  @Test
  void aConflictWithAnSmeCoversItsPitches() {
    SubmissionReceived received =
        JudgingSupport.received(Uuids.v7(), roundId, "Family Data Ltd", 0);
    judging.pitch(received);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "SCREENING", ann);

    Http.Response declared =
        http.post(
            "/api/judges/" + ann + "/conflicts",
            Map.of("smeId", received.smeId().toString(), "reason", "Shareholder"));

    assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    assertThat(declared.json().path("recorded").get(0).path("roundId").asString())
        .isEqualTo(roundId.toString());
    assertProblem(
        judging.score(received.submissionId(), "SCREENING", ann, 5, 5),
        403,
        "conflict-of-interest");
  }
}
