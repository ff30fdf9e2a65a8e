package org.wyp.judgingservice.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;

/** Every request is checked, and refused with problem details that say what is wrong. */
@ServiceIntegrationTest
class ValidationTest {

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

  Http.Response putRubric(Map<String, Object> rubric) {
    return http.put("/api/rounds/" + roundId + "/stages/SCREENING/rubric", rubric, Map.of());
  }

  static Map<String, Object> rubricWith(List<Map<String, Object>> criteria) {
    Map<String, Object> rubric = new LinkedHashMap<>(JudgingSupport.rubric("NONE", 2, null));
    rubric.put("criteria", criteria);
    return rubric;
  }

  @Test
  void rubricsBreakingTheRulesAreRefused() {
    assertProblem(
        putRubric(
            rubricWith(
                List.of(
                    Map.of("key", "a", "name", "A", "weight", 0.5),
                    Map.of("key", "b", "name", "B", "weight", 0.4)))),
        422,
        "rubric-weights");
    assertProblem(
        putRubric(
            rubricWith(List.of(Map.of("key", "a", "name", "A", "weight", 1, "min", 5, "max", 5)))),
        422,
        "rubric-range");
    assertProblem(
        putRubric(
            rubricWith(
                List.of(
                    Map.of("key", "a", "name", "A", "weight", 0.5),
                    Map.of("key", "a", "name", "B", "weight", 0.5)))),
        422,
        "rubric-duplicate-key");
    Map<String, Object> noNormalisation =
        new LinkedHashMap<>(JudgingSupport.rubric("NONE", 2, null));
    noNormalisation.remove("normalisation");
    noNormalisation.put("minJudgesPerPitch", 0);
    Http.Response invalid = putRubric(noNormalisation);
    assertProblem(invalid, 400, "validation");
    assertThat(invalid.json().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactly("minJudgesPerPitch", "normalisation");
    assertProblem(
        putRubric(rubricWith(List.of(Map.of("key", "bad key", "name", "A", "weight", 1)))),
        400,
        "validation");
    // Weights given as thirds to 1e-10 sum to 1 within the tolerance.
    Http.Response thirds =
        putRubric(
            rubricWith(
                List.of(
                    Map.of("key", "a", "name", "A", "weight", 0.3333333333),
                    Map.of("key", "b", "name", "B", "weight", 0.3333333333),
                    Map.of("key", "c", "name", "C", "weight", 0.3333333334))));
    assertThat(thirds.status()).as(thirds.toString()).isEqualTo(201);
    assertThat(putRubric(JudgingSupport.rubric("NONE", 2, null)).status()).isEqualTo(200);
  }

  @Test
  void scoresMustBeWholeNumbersWithinRangeForTheRubricsCriteria() {
    UUID pitch = judging.pitch(roundId, 0);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "SCREENING", ann);
    String path = "/api/pitches/" + pitch + "/stages/SCREENING/scores/" + ann;
    Http asAnn = http.as(TestTokens.judge(ann));

    assertProblem(judging.score(pitch, "SCREENING", ann, 11, 5), 422, "score-out-of-range");
    assertProblem(
        asAnn.put(path, Map.of("scores", Map.of("impact", 5, "team", 5, "vibes", 9)), Map.of()),
        422,
        "unknown-criterion");
    assertProblem(
        asAnn.put(path, Map.of("scores", Map.of("impact", 5)), Map.of()),
        422,
        "score-out-of-range");
    assertProblem(
        asAnn.put(path, "{\"scores\":{\"impact\":5.5,\"team\":5}}", Map.of()),
        400,
        "malformed-request");
    assertProblem(asAnn.put(path, Map.of("comment", "no scores"), Map.of()), 400, "validation");
    assertProblem(judging.score(pitch, "FINALS", ann, 5, 5), 409, "no-rubric");
    assertProblem(judging.score(UUID.randomUUID(), "SCREENING", ann, 5, 5), 404, "not-found");
    assertProblem(judging.score(pitch, "SCREENING", UUID.randomUUID(), 5, 5), 404, "not-found");
    assertThat(http.get("/api/rounds/" + roundId + "/chain").json().path("headSeq").asLong())
        .isEqualTo(1);
  }

  @Test
  void otherRequestsAreCheckedToo() {
    UUID ann = judging.judge("Ann Jones");
    assertProblem(
        http.post(
            "/api/judges/" + ann + "/conflicts",
            Map.of(
                "pitchId",
                UUID.randomUUID().toString(),
                "smeId",
                UUID.randomUUID().toString(),
                "reason",
                "x")),
        400,
        "validation");
    assertProblem(
        http.post(
            "/api/judges/" + ann + "/conflicts",
            Map.of("pitchId", UUID.randomUUID().toString(), "reason", "x")),
        422,
        "unknown-pitch");
    assertProblem(http.post("/api/judges", Map.of("name", "")), 400, "validation");
    assertProblem(
        http.put(
            "/api/rounds/" + roundId + "/stages/SCREENING/panel",
            Map.of("judgeIds", List.of(UUID.randomUUID().toString())),
            Map.of()),
        422,
        "unknown-judge");
    assertProblem(
        http.put(
            "/api/rounds/" + roundId + "/stages/SEMIS/panel",
            Map.of("judgeIds", List.of(ann.toString())),
            Map.of()),
        400,
        "validation");
    assertProblem(
        http.post(
            "/api/rounds/" + roundId + "/stages/SCREENING/shortlist",
            Map.of("size", 2, "pitchIds", List.of(UUID.randomUUID().toString()))),
        400,
        "validation");
    assertProblem(http.post("/api/rounds/" + roundId + "/conclude", null), 409, "no-rubric");
    assertProblem(http.get("/api/rounds/" + roundId + "/stages/FINALS/ranking"), 404, "not-found");
  }
}
