package org.wyp.judgingservice.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.BadInput;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;

/**
 * A generated corpus of malformed requests to every write endpoint of judging-service (see {@link
 * BadInput}), each sent by a caller allowed to make it (an organiser, or the judge itself), on
 * objects that exist: every one is refused with a 4xx problem, and nothing is stored or published
 * for any of them. Afterwards the valid request each corpus was derived from succeeds, so the
 * refusals were the mutations' doing.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;
  @Autowired KafkaProperties kafka;

  Http http;
  RecordSender sender;
  UUID judge;
  UUID running;
  UUID toScore;
  UUID toAssign;
  UUID toShortlist;
  UUID shortlistPitch;
  UUID toConclude;
  UUID conflictPitch;

  /**
   * A judge; a running round (screening rubric, the judge on its panel, a pitch assigned to it); a
   * round to assign, one to shortlist, one to conclude (finals scored) and one to declare a
   * conflict in.
   */
  @BeforeAll
  void fixtures() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    JudgingSupport judging = new JudgingSupport(http, sender);
    Http organiser = http.as(TestTokens.organiser());
    judge = judging.judge("Bea Dinput");

    running = UUID.randomUUID();
    toScore = judging.pitch(running, 0);
    judging.rubric(running, "SCREENING", JudgingSupport.rubric("NONE", 1, 1));
    judging.panel(running, "SCREENING", judge);
    assertThat(
            organiser
                .post("/api/rounds/" + running + "/stages/SCREENING/assignments", null)
                .status())
        .isEqualTo(200);

    toAssign = UUID.randomUUID();
    judging.pitch(toAssign, 0);
    judging.rubric(toAssign, "SCREENING", JudgingSupport.rubric("NONE", 1, 1));
    judging.panel(toAssign, "SCREENING", judge);

    toShortlist = UUID.randomUUID();
    shortlistPitch = judging.pitch(toShortlist, 0);
    judging.rubric(toShortlist, "SCREENING", JudgingSupport.rubric("NONE", 1, 1));

    toConclude = UUID.randomUUID();
    UUID finalist = judging.pitch(toConclude, 0);
    judging.rubric(toConclude, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(toConclude, "FINALS", judge);
    judging.scored(finalist, "FINALS", judge, 8, 8);

    UUID conflictRound = UUID.randomUUID();
    conflictPitch = judging.pitch(conflictRound, 0);
    judging.rubric(conflictRound, "SCREENING", JudgingSupport.rubric("NONE", 1, 1));
    judging.panel(conflictRound, "SCREENING", judge);
  }

  @AfterAll
  void closeSender() {
    sender.close();
  }

  List<BadInput.Endpoint> endpoints() {
    Supplier<String> organiser = BadInput.tokens("ORGANISER", Map.of());
    Supplier<String> theJudge = BadInput.tokens("JUDGE", Map.of("judge_id", judge.toString()));
    Map<String, Object> judgeBody = new LinkedHashMap<>();
    judgeBody.put("name", "Dee Ray");
    judgeBody.put("organisation", "Liverpool City Region CA");
    judgeBody.put("expertise", List.of("health"));
    judgeBody.put("affiliations", List.of("Breathe Sensors Ltd"));
    Map<String, Object> conflict = new LinkedHashMap<>();
    conflict.put("pitchId", conflictPitch.toString());
    conflict.put("reason", "Former employer");
    Map<String, Object> score = new LinkedHashMap<>();
    score.put("scores", Map.of("impact", 7, "team", 6));
    score.put("comment", "Sound plan");
    return List.of(
        BadInput.endpoint("POST", "/api/judges")
            .as(organiser)
            .body(judgeBody)
            .optional("expertise", "affiliations"),
        BadInput.endpoint("POST", "/api/judges/{judgeId}/conflicts")
            .as(theJudge)
            .path("judgeId", judge)
            .body(conflict),
        rubric(
            BadInput.endpoint("PUT", "/api/rounds/{roundId}/stages/{stage}/rubric")
                .as(organiser)
                .path("roundId", running)
                .path("stage", "SCREENING")),
        BadInput.endpoint("PUT", "/api/rounds/{roundId}/stages/{stage}/panel")
            .as(organiser)
            .path("roundId", running)
            .path("stage", "SCREENING")
            .anyIdInPath("roundId")
            .body(Map.of("judgeIds", List.of(judge.toString()))),
        BadInput.endpoint("POST", "/api/rounds/{roundId}/stages/{stage}/assignments")
            .as(organiser)
            .path("roundId", toAssign)
            .path("stage", "SCREENING"),
        BadInput.endpoint("PUT", "/api/pitches/{pitchId}/stages/{stage}/scores/{judgeId}")
            .as(theJudge)
            .path("pitchId", toScore)
            .path("stage", "SCREENING")
            .path("judgeId", judge)
            .body(score)
            .optional("comment")
            .map("scores")
            .range("scores{}", 0, 10),
        shortlist().body(Map.of("size", 1)).optional("size").range("size", 1, 1000),
        shortlist()
            .body(Map.of("pitchIds", List.of(shortlistPitch.toString())))
            .optional("pitchIds")
            .notEmpty("pitchIds"),
        BadInput.endpoint("POST", "/api/rounds/{roundId}/conclude")
            .as(organiser)
            .path("roundId", toConclude));
  }

  private BadInput.Endpoint shortlist() {
    return BadInput.endpoint("POST", "/api/rounds/{roundId}/stages/{stage}/shortlist")
        .as(BadInput.tokens("ORGANISER", Map.of()))
        .path("roundId", toShortlist)
        .path("stage", "SCREENING")
        .bodyOptional();
  }

  /** A screening rubric whose first criterion gives every field, so each is mutated. */
  private static BadInput.Endpoint rubric(BadInput.Endpoint endpoint) {
    Map<String, Object> impact = new LinkedHashMap<>();
    impact.put("key", "impact");
    impact.put("name", "Impact");
    impact.put("description", "Who benefits, and how much");
    impact.put("weight", 0.6);
    impact.put("min", 0);
    impact.put("max", 10);
    Map<String, Object> rubric = new LinkedHashMap<>();
    rubric.put("criteria", List.of(impact, Map.of("key", "team", "name", "Team", "weight", 0.4)));
    rubric.put("normalisation", "NONE");
    rubric.put("minJudgesPerPitch", 1);
    rubric.put("shortlistSize", 1);
    rubric.put("blindScreening", false);
    return endpoint
        // Rubrics may be set for a round before any of its pitches is known.
        .anyIdInPath("roundId")
        .body(rubric)
        .optional(
            "criteria[].description",
            "criteria[].min",
            "criteria[].max",
            "shortlistSize",
            "blindScreening")
        .formatted("criteria[].key")
        .enumeration("normalisation")
        .positive("criteria[].weight")
        .range("criteria[].weight", 0, 1)
        .signed("criteria[].min", "criteria[].max")
        .range("criteria[].min", -1000, 1000)
        .range("criteria[].max", -1000, 1000)
        .range("minJudgesPerPitch", 1, 50)
        .range("shortlistSize", 1, 1000);
  }

  @Test
  void theCorpusCoversEveryWriteEndpointAndIsTheSameEveryTime() {
    BadInput.assertCoversEveryWriteEndpoint(context, endpoints());
  }

  @Test
  void everyMalformedRequestIsRefusedWithAProblemAndChangesNothing() {
    BadInput.assertRefusedChangingNothing(http, corpus(), mongo, relay, Brokers.of(kafka));

    BadInput.assertValidRequestsSucceed(http, endpoints());
  }

  private List<BadInput.Case> corpus() {
    return BadInput.corpus(endpoints().toArray(BadInput.Endpoint[]::new));
  }
}
