package org.wyp.judgingservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;

import java.util.ArrayList;
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
import org.wyp.events.Uuids;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * What each caller may see of the objects it may reach: a judge's desk (assigned, not conflicted),
 * blind screening, and the public results of a concluded round.
 */
@ServiceIntegrationTest
class ObjectAccessTest {

  private static final List<String> SME_IDENTITY = List.of("smeId", "smeName", "smeCompanyNumber");

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;

  Http http;
  Http anonymous;
  RecordSender sender;
  JudgingSupport judging;
  UUID roundId;

  @BeforeEach
  void setUp() {
    anonymous = Http.localhost(port);
    http = anonymous.as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    judging = new JudgingSupport(http, sender);
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  Http as(UUID judge) {
    return anonymous.as(TestTokens.judge(judge));
  }

  List<String> listed(UUID judge) {
    return as(judge)
        .get("/api/rounds/" + roundId + "/pitches")
        .json()
        .path("content")
        .valueStream()
        .map(p -> p.path("id").asString())
        .toList();
  }

  static Map<String, Object> blind(Map<String, Object> rubric) {
    Map<String, Object> blind = new LinkedHashMap<>(rubric);
    blind.put("blindScreening", true);
    return blind;
  }

  @Test
  void aJudgeSeesOnlyThePitchesAssignedToIt() {
    List<UUID> pitches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pitches.add(judging.pitch(roundId, i));
    }
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    UUID cy = judging.judge("Cy Patel");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "SCREENING", ann, bob);
    JsonNode plan =
        http.post("/api/rounds/" + roundId + "/stages/SCREENING/assignments", null).json();
    List<String> annsPitches = new ArrayList<>();
    plan.path("assignments")
        .forEach(
            a -> {
              if (a.path("judgeIds").toString().contains(ann.toString())) {
                annsPitches.add(a.path("pitchId").asString());
              }
            });
    assertThat(annsPitches).hasSize(2);

    assertThat(listed(ann)).containsExactlyElementsOf(annsPitches);
    assertThat(listed(bob)).hasSize(2).doesNotContainAnyElementsOf(annsPitches);
    assertThat(listed(cy)).isEmpty();
    assertThat(http.get("/api/rounds/" + roundId + "/pitches").json().path("totalElements").asInt())
        .isEqualTo(4);
    String bobsPitch = listed(bob).getFirst();
    assertProblem(as(ann).get("/api/pitches/" + bobsPitch), 404, "not-found");
    // Without blind screening a screening judge sees whose pitch it is.
    JsonNode own = as(ann).get("/api/pitches/" + annsPitches.getFirst()).json();
    assertThat(own.path("smeName").asString()).startsWith("Breathe Sensors");
    assertThat(own.path("smeId").asString()).isNotEmpty();
    // Paging counts only what the judge may see.
    JsonNode page = as(ann).get("/api/rounds/" + roundId + "/pitches?size=1&page=1").json();
    assertThat(page.path("totalElements").asInt()).isEqualTo(2);
    assertThat(page.path("content")).hasSize(1);
    assertThat(page.path("content").get(0).path("id").asString()).isEqualTo(annsPitches.get(1));
  }

  @Test
  void aConflictTakesThePitchOffTheJudgesDeskAndJudgesNameOnlyPitchesOfTheirRounds() {
    UUID first = judging.pitch(roundId, 0);
    UUID second = judging.pitch(roundId, 1);
    UUID elsewhere = judging.pitch(UUID.randomUUID(), 0);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "SCREENING", ann);
    assertThat(listed(ann)).containsExactly(first.toString(), second.toString());

    Map<String, String> conflict = Map.of("pitchId", first.toString(), "reason", "My cousin's");
    Http.Response declared = as(ann).post("/api/judges/" + ann + "/conflicts", conflict);

    assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    assertThat(listed(ann)).containsExactly(second.toString());
    assertProblem(as(ann).get("/api/pitches/" + first), 404, "not-found");
    // Declaring it again is safe, though the pitch has left the desk.
    assertThat(as(ann).post("/api/judges/" + ann + "/conflicts", conflict).status()).isEqualTo(201);
    // A pitch of a round the judge does not judge is as unknown as no pitch at all.
    assertProblem(
        as(ann)
            .post(
                "/api/judges/" + ann + "/conflicts",
                Map.of("pitchId", elsewhere.toString(), "reason", "Curious")),
        422,
        "unknown-pitch");
    // An organiser may record one for any judge.
    assertThat(
            http.post(
                    "/api/judges/" + ann + "/conflicts",
                    Map.of("pitchId", elsewhere.toString(), "reason", "Told the organisers"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void blindScreeningHidesTheSmeFromScreeningJudgesUntilAPitchIsAFinalist() {
    SubmissionReceived strong = JudgingSupport.received(Uuids.v7(), roundId, "Strong Ideas Ltd", 0);
    SubmissionReceived weak = JudgingSupport.received(Uuids.v7(), roundId, "Weak Ideas Ltd", 1);
    UUID finalist = judging.pitch(strong);
    UUID other = judging.pitch(weak);
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    String screening = "/api/rounds/" + roundId + "/stages/SCREENING";
    judging.rubric(roundId, "SCREENING", blind(JudgingSupport.rubric("NONE", 1, 1)));
    judging.panel(roundId, "SCREENING", ann);
    assertThat(as(ann).get(screening + "/rubric").json().path("blindScreening").asBoolean())
        .isTrue();
    assertProblem(
        http.put(
            "/api/rounds/" + roundId + "/stages/FINALS/rubric",
            blind(JudgingSupport.rubric("NONE", 1, null)),
            Map.of()),
        422,
        "blind-screening-only");
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "FINALS", ann, bob);

    // Screening: Ann reads both pitches blind, even though she is on the finals panel too; Bob,
    // on the finals panel only, has nothing to read until there are finalists.
    JsonNode read = as(ann).get("/api/pitches/" + finalist).json();
    assertThat(read.path("title").asString()).isEqualTo(strong.title());
    assertThat(read.propertyNames()).doesNotContainAnyElementsOf(SME_IDENTITY);
    JsonNode list = as(ann).get("/api/rounds/" + roundId + "/pitches").json();
    assertThat(list.path("content"))
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.propertyNames()).doesNotContainAnyElementsOf(SME_IDENTITY));
    assertThat(listed(bob)).isEmpty();
    JsonNode organisers = http.get("/api/pitches/" + finalist).json();
    assertThat(organisers.path("smeId").asString()).isEqualTo(strong.smeId().toString());
    assertThat(organisers.path("smeName").asString()).isEqualTo("Strong Ideas Ltd");

    judging.scored(finalist, "SCREENING", ann, 9, 9);
    judging.scored(other, "SCREENING", ann, 2, 2);
    // Once scored, screening cannot stop being blind.
    assertProblem(
        http.put(screening + "/rubric", JudgingSupport.rubric("NONE", 1, 1), Map.of()),
        409,
        "rubric-in-use");
    assertThat(http.post(screening + "/shortlist", Map.of()).status()).isEqualTo(200);

    // Finals are never blind: the finalist is identified to the finals panel; the other pitch
    // stays blind to Ann, and is not Bob's to read.
    assertThat(as(ann).get("/api/pitches/" + finalist).json().path("smeName").asString())
        .isEqualTo("Strong Ideas Ltd");
    assertThat(as(ann).get("/api/pitches/" + other).json().propertyNames())
        .doesNotContainAnyElementsOf(SME_IDENTITY);
    assertThat(as(bob).get("/api/pitches/" + finalist).json().path("smeId").asString())
        .isEqualTo(strong.smeId().toString());
    assertProblem(as(bob).get("/api/pitches/" + other), 404, "not-found");
  }

  @Test
  void aBlindScreeningJudgesDetectedConflictDoesNotNameTheCompany() {
    SubmissionReceived received =
        JudgingSupport.received(Uuids.v7(), roundId, "Secret Sensors Ltd", 0);
    UUID pitch = judging.pitch(received);
    UUID ann = judging.judge("Ann Jones", "Secret Sensors Ltd");
    judging.rubric(roundId, "SCREENING", blind(JudgingSupport.rubric("NONE", 1, null)));
    judging.panel(roundId, "SCREENING", ann);

    Http.Response refused = judging.score(pitch, "SCREENING", ann, 5, 5);

    assertProblem(refused, 403, "conflict-of-interest");
    assertThat(refused.text("detail")).contains("detected").doesNotContain("Secret Sensors");
    assertThat(listed(ann)).isEmpty();
  }

  @Test
  void aConcludedRoundsResultsArePublicWithoutTheJudgesFigures() {
    UUID pitch = judging.pitch(roundId, 0);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "FINALS", ann);
    judging.scored(pitch, "FINALS", ann, 8, 6);
    String round = "/api/rounds/" + roundId;
    assertProblem(anonymous.get(round + "/chain/verify"), 404, "not-found");
    assertProblem(anonymous.get(round + "/conclusion"), 404, "not-found");

    Http.Response concluded = http.post(round + "/conclude", null);
    assertThat(concluded.status()).as(concluded.toString()).isEqualTo(201);

    JsonNode results = anonymous.get(round + "/conclusion").json();
    assertThat(results.path("scoresFingerprint").asString())
        .isEqualTo(concluded.json().path("scoresFingerprint").asString());
    assertThat(results.propertyNames()).doesNotContain("ranking", "judges");
    JsonNode entry = results.path("entries").get(0);
    assertThat(entry.path("pitchId").asString()).isEqualTo(pitch.toString());
    assertThat(entry.path("rank").asInt()).isEqualTo(1);
    assertThat(entry.path("rawScore").asDouble()).isEqualTo(72.0);
    assertThat(entry.propertyNames()).doesNotContain("smeId", "requestedPence");
    JsonNode organisers = http.get(round + "/conclusion").json();
    assertThat(organisers.path("ranking").path("judges").get(0).path("judgeId").asString())
        .isEqualTo(ann.toString());
    JsonNode verified = anonymous.get(round + "/chain/verify").json();
    assertThat(verified.path("ok").asBoolean()).isTrue();
    // The chain itself holds every individual score: organisers only, concluded or not.
    assertThat(anonymous.get(round + "/chain").status()).isEqualTo(401);
    assertThat(as(ann).get(round + "/chain").status()).isEqualTo(403);
  }
}
