package org.wyp.localstack;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.wyp.events.Topics;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * One small round played through every service's public API on the local stack, as programme staff,
 * SMEs and judges would: a published problem gets three pitches, the finals panel ranks them, the
 * seed fund pays the top two, and every service's own view of the outcome agrees with the others'.
 * The services learn of each other only from Kafka, so each step that depends on another service's
 * events waits for them. The organiser's conclude request comes with a W3C trace context, which
 * follows what it caused from service to service: the conclusion, award-service's handling of it,
 * the awards granted there, and their handling in submission- and problem-service all carry its
 * trace id, on the records and in the log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformFlowTest {

  /** Generous: on a freshly started stack the first events also wait for consumer groups. */
  private static final Duration CROSS_SERVICE = Duration.ofSeconds(60);

  private static final long BUDGET_PENCE = 1_000_000;
  private static final int FIRST_PLACE_WEIGHT = 60;
  private static final int SECOND_PLACE_WEIGHT = 40;

  // RANK_WEIGHTED: each place gets its weight over the sum of the weights of the places taken.
  private static final long FIRST_AWARD_PENCE =
      BUDGET_PENCE * FIRST_PLACE_WEIGHT / (FIRST_PLACE_WEIGHT + SECOND_PLACE_WEIGHT);
  private static final long SECOND_AWARD_PENCE =
      BUDGET_PENCE * SECOND_PLACE_WEIGHT / (FIRST_PLACE_WEIGHT + SECOND_PLACE_WEIGHT);

  private static final int FIRST_TRANCHE_PERCENT = 40;

  private static final int JUDGES = 3;

  private static final double IMPACT_WEIGHT = 0.6;

  private static final double TEAM_WEIGHT = 0.4;

  /** The trace the conclude request comes in (the W3C Trace Context specification's example). */
  private static final String CONCLUDE_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static final String CONCLUDE_TRACEPARENT =
      "00-" + CONCLUDE_TRACE_ID + "-00f067aa0ba902b7-01";

  /** Logs each record a listener takes up, at DEBUG, in the record's trace. */
  private static final String RECEIVED_RECORD_LOG = "org.wyp.kit.kafka.ReceivedRecordLog";

  /**
   * The SMEs, in the order they pitch. Every judge gives a pitch its {@code finalsImpact} for
   * impact and that less the judge's index for team, so no two totals tie. The best pitch comes
   * last, so a ranking that merely kept submission order would fail.
   */
  private static final List<Entrant> ENTRANTS =
      List.of(
          new Entrant("Breathe Sensors Ltd", "PF000001", "L1 8JQ", 7),
          new Entrant("Family Signals Ltd", "PF000002", "CH41 5LH", 5),
          new Entrant("Shared Care Records Ltd", "PF000003", "WA1 1AA", 9));

  @TempDir Path dataDir;

  private Http problems;
  private Http submissions;
  private Http judging;
  private Http awards;
  private DevTokens tokens;

  private record Entrant(String company, String companyNumber, String postcode, int finalsImpact) {}

  /** A pitch: its id (the submission's, which judging and awards share), SME and entrant. */
  /** A pitch: its id, its SME and that SME user's token, and the entrant. */
  private record Pitch(String id, String smeId, String smeToken, Entrant entrant) {}

  @Test
  void aRoundGoesFromProblemToPaidAwardAndEveryServiceAgreesOnTheOutcome(CapturedOutput output)
      throws Exception {
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    try (LocalStack stack = LocalStack.start(StackOnFreePorts.options(dataDir), System.out)) {
      connectTo(stack);
      // After the services started: each start sets the one logging system of the JVM up afresh.
      logging.setLogLevel(RECEIVED_RECORD_LOG, LogLevel.DEBUG);

      String roundId = announceAndOpenRound();
      String problemId = draftAndPublishProblem(roundId);
      List<Pitch> pitches = pitchToProblem(problemId);
      closeSubmissions(roundId);
      configureFund(roundId);

      awaitJudgingKnows(roundId, pitches);
      List<String> judges = registerJudges();
      shortlistAll(roundId, judges, pitches);
      awaitSubmissionStatuses(pitches, "SHORTLISTED");
      scoreFinals(roundId, judges, pitches);
      awaitSubmissionStatuses(pitches, "FINALIST");
      conclude(roundId);

      List<Pitch> byScore = rankedByScores(pitches);
      Pitch winner = byScore.get(0);
      Pitch runnerUp = byScore.get(1);
      Pitch third = byScore.get(2);
      assertFinalsRanking(roundId, byScore);
      assertChainVerifies(roundId);

      Map<String, String> awardIds = awaitAwards(roundId, winner, runnerUp);
      assertFundFullyAllocated(roundId);
      assertTheConclusionsTraceFollowedWhatItCaused(stack, output, roundId, awardIds.values());
      awaitSubmissionOutcomes(winner, runnerUp, third);
      awaitFundedSolutions(problemId, awardIds, winner, runnerUp);

      String winnersAward = awardIds.get(winner.id());
      long firstTranche = FIRST_AWARD_PENCE * FIRST_TRANCHE_PERCENT / 100;
      acceptAndReleaseFirstTranche(winnersAward, winner.smeToken(), firstTranche);
      assertThat(fund(roundId).path("paidPence").asLong()).isEqualTo(firstTranche);
      awaitFundedSolutionPaid(problemId, winnersAward, firstTranche);

      awaitOpenGrantData(roundId, awardIds, winner, runnerUp, firstTranche);
    } finally {
      logging.setLogLevel(RECEIVED_RECORD_LOG, null);
    }
  }

  /** Programme staff by default; SMEs, the problem owner and judges call with their own tokens. */
  private void connectTo(LocalStack stack) {
    tokens = new DevTokens(stack);
    String organiser = tokens.organiser();
    problems = new Http(stack.serviceUrl("problem-service")).as(organiser);
    submissions = new Http(stack.serviceUrl("submission-service")).as(organiser);
    judging = new Http(stack.serviceUrl("judging-service")).as(organiser);
    awards = new Http(stack.serviceUrl("award-service")).as(organiser);
    List.of(problems, submissions, judging, awards).forEach(StackOnFreePorts::awaitHealthy);
  }

  private String announceAndOpenRound() {
    Http.Response announced =
        problems.post(
            "/api/rounds",
            Map.of(
                "name", "Round 1: health and care",
                "description", "Problems from the city region's NHS trusts and councils",
                "opensAt", "2026-03-01T09:00:00Z",
                "closesAt", "2026-04-30T17:00:00Z",
                "finalsAt", "2026-06-12T13:00:00Z"));
    assertStatus(announced, 201);
    String roundId = announced.text("id");
    Http.Response opened = problems.post("/api/rounds/" + roundId + "/open", null);
    assertStatus(opened, 200);
    assertThat(opened.text("status")).isEqualTo("OPEN");
    return roundId;
  }

  /** The trust drafts its own problem; the organisers publish it. */
  private String draftAndPublishProblem(String roundId) {
    Http.Response drafted =
        problems
            .as(tokens.problemOwner("Alder Hey Children's NHS Foundation Trust"))
            .post(
                "/api/problems",
                Map.of(
                    "roundId", roundId,
                    "title", "Damp homes and childhood asthma",
                    "summary", "Damp and mould in rented homes drive repeat asthma admissions",
                    "description",
                        "Admissions cluster in streets with poor private rented housing.",
                    "theme", "health",
                    "ownerOrganisation", "Alder Hey Children's NHS Foundation Trust",
                    "boroughs", List.of("Liverpool", "Sefton"),
                    "evidence", "Hospital episode statistics 2019-2024",
                    "datasets", List.of(),
                    "successMeasures", List.of("Fewer repeat admissions within 12 months")));
    assertStatus(drafted, 201);
    String problemId = drafted.text("id");
    Http.Response published = problems.post("/api/problems/" + problemId + "/publish", null);
    assertStatus(published, 200);
    assertThat(published.text("status")).isEqualTo("PUBLISHED");
    return problemId;
  }

  private void closeSubmissions(String roundId) {
    assertStatus(problems.post("/api/rounds/" + roundId + "/close-submissions", null), 200);
  }

  private List<Pitch> pitchToProblem(String problemId) {
    List<Pitch> pitches = new ArrayList<>();
    for (Entrant entrant : ENTRANTS) {
      DevTokens.Sme sme = tokens.newSme();
      Http asSme = submissions.as(sme.token());
      String smeId = registerSme(asSme, entrant);
      assertThat(smeId).as("an SME is registered under its token's sme_id").isEqualTo(sme.smeId());
      Map<String, Object> pitch =
          Map.ofEntries(
              entry("problemId", problemId),
              entry("smeId", smeId),
              entry("title", entrant.company() + ": a solution to damp homes"),
              entry("summary", "A pitch by " + entrant.company()),
              entry("approach", "Pilot with 200 homes"),
              entry("dataUse", "Sensor readings with anonymised admissions by postcode sector"),
              entry("impact", "Fewer repeat asthma admissions"),
              entry("requestedPence", 450_000),
              entry(
                  "team", List.of(Map.of("name", "Lead of " + entrant.company(), "role", "Lead"))),
              entry("links", List.of()));
      Http.Response submitted =
          pitches.isEmpty() ? firstSubmission(asSme, pitch) : asSme.post("/api/submissions", pitch);
      assertStatus(submitted, 201);
      assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
      pitches.add(new Pitch(submitted.text("id"), smeId, sme.token(), entrant));
    }
    return pitches;
  }

  /** Accepted once submission-service has consumed the round and problem events. */
  private Http.Response firstSubmission(Http asSme, Map<String, Object> pitch) {
    Http.Response[] submitted = new Http.Response[1];
    eventually(
        () -> {
          submitted[0] = asSme.post("/api/submissions", pitch);
          assertStatus(submitted[0], 201);
        });
    return submitted[0];
  }

  private String registerSme(Http asSme, Entrant entrant) {
    Http.Response registered =
        asSme.post(
            "/api/smes",
            Map.ofEntries(
                entry("companyName", entrant.company()),
                entry("companyNumber", entrant.companyNumber()),
                entry("employees", 12),
                entry("turnoverPence", 85_000_000),
                entry("postcode", entrant.postcode()),
                entry("contactName", "Contact at " + entrant.company()),
                entry("contactEmail", "hello@example.co.uk"),
                entry("website", "")));
    assertStatus(registered, 201);
    assertThat(registered.json().path("eligible").asBoolean()).as(registered.toString()).isTrue();
    return registered.text("id");
  }

  private void awaitSubmissionStatuses(List<Pitch> pitches, String status) {
    eventually(
        () ->
            assertThat(pitches)
                .allSatisfy(
                    pitch -> assertThat(submission(pitch).text("status")).isEqualTo(status)));
  }

  private void awaitSubmissionOutcomes(Pitch winner, Pitch runnerUp, Pitch third) {
    eventually(
        () -> {
          assertAwarded(submission(winner), FIRST_AWARD_PENCE);
          assertAwarded(submission(runnerUp), SECOND_AWARD_PENCE);
          Http.Response notAwarded = submission(third);
          assertThat(notAwarded.text("status")).as(notAwarded.toString()).isEqualTo("NOT_AWARDED");
          assertThat(notAwarded.json().path("awardedPence").isNull()).isTrue();
        });
  }

  private static void assertAwarded(Http.Response submission, long pence) {
    assertThat(submission.text("status")).as(submission.toString()).isEqualTo("AWARDED");
    assertThat(submission.json().path("awardedPence").asLong())
        .as(submission.toString())
        .isEqualTo(pence);
  }

  private Http.Response submission(Pitch pitch) {
    Http.Response submission = submissions.get("/api/submissions/" + pitch.id());
    assertStatus(submission, 200);
    return submission;
  }

  private void configureFund(String roundId) {
    Http.Response configured =
        awards.put(
            "/api/funds/" + roundId,
            Map.ofEntries(
                entry("budgetPence", BUDGET_PENCE),
                entry("maxAwards", 2),
                entry("policy", "RANK_WEIGHTED"),
                entry("rankWeights", List.of(FIRST_PLACE_WEIGHT, SECOND_PLACE_WEIGHT)),
                entry(
                    "tranches",
                    List.of(
                        Map.of("label", "On acceptance", "percent", FIRST_TRANCHE_PERCENT),
                        Map.of(
                            "label", "Final milestone", "percent", 100 - FIRST_TRANCHE_PERCENT)))),
            Map.of());
    assertStatus(configured, 201);
    assertThat(configured.text("status")).isEqualTo("OPEN");
  }

  private JsonNode fund(String roundId) {
    Http.Response fund = awards.get("/api/funds/" + roundId);
    assertStatus(fund, 200);
    return fund.json();
  }

  private void awaitJudgingKnows(String roundId, List<Pitch> pitches) {
    eventually(
        () -> {
          Http.Response known = judging.get("/api/rounds/" + roundId + "/pitches");
          assertStatus(known, 200);
          assertThat(ids(known.json().path("content"), "id"))
              .as(known.toString())
              .containsExactlyElementsOf(ids(pitches));
        });
  }

  private List<String> registerJudges() {
    List<String> judges = new ArrayList<>();
    for (String name : List.of("Ann Jones", "Bob Smith", "Cy Patel")) {
      Http.Response judge =
          judging.post(
              "/api/judges",
              Map.of(
                  "name",
                  name,
                  "organisation",
                  "Liverpool City Region CA",
                  "expertise",
                  List.of("health"),
                  "affiliations",
                  List.of()));
      assertStatus(judge, 201);
      judges.add(judge.text("id"));
    }
    return judges;
  }

  /** An explicit shortlist: with every pitch going through, screening needs no scores. */
  private void shortlistAll(String roundId, List<String> judges, List<Pitch> pitches) {
    setRubric(roundId, "SCREENING", 1);
    formPanel(roundId, "SCREENING", judges);
    Http.Response shortlist =
        judging.post(
            "/api/rounds/" + roundId + "/stages/SCREENING/shortlist",
            Map.of("pitchIds", ids(pitches)));
    assertStatus(shortlist, 200);
    assertThat(ids(shortlist.json().path("shortlisted"), "pitchId"))
        .as(shortlist.toString())
        .containsExactlyInAnyOrderElementsOf(ids(pitches));
    assertThat(shortlist.json().path("others").isEmpty()).as(shortlist.toString()).isTrue();
  }

  private void scoreFinals(String roundId, List<String> judges, List<Pitch> pitches) {
    setRubric(roundId, "FINALS", JUDGES);
    formPanel(roundId, "FINALS", judges);
    assertStatus(judging.post("/api/rounds/" + roundId + "/stages/FINALS/assignments", null), 200);
    for (Pitch pitch : pitches) {
      for (int judge = 0; judge < judges.size(); judge++) {
        Http.Response scored =
            judging
                .as(tokens.judge(judges.get(judge)))
                .put(
                    "/api/pitches/%s/stages/FINALS/scores/%s"
                        .formatted(pitch.id(), judges.get(judge)),
                    Map.ofEntries(
                        entry(
                            "scores", Map.of("impact", impact(pitch), "team", team(pitch, judge))),
                        entry("comment", "Heard at the finals")),
                    Map.of());
        assertStatus(scored, 201);
        assertThat(scored.json().path("total").asDouble())
            .isCloseTo(total(pitch, judge), within(1e-9));
      }
    }
  }

  private void setRubric(String roundId, String stage, int minJudgesPerPitch) {
    Http.Response rubric =
        judging.put(
            "/api/rounds/" + roundId + "/stages/" + stage + "/rubric",
            Map.ofEntries(
                entry(
                    "criteria",
                    List.of(
                        Map.of("key", "impact", "name", "Impact", "weight", IMPACT_WEIGHT),
                        Map.of("key", "team", "name", "Team", "weight", TEAM_WEIGHT))),
                entry("normalisation", "NONE"),
                entry("minJudgesPerPitch", minJudgesPerPitch)),
            Map.of());
    assertStatus(rubric, 201);
  }

  private void formPanel(String roundId, String stage, List<String> judges) {
    Http.Response panel =
        judging.put(
            "/api/rounds/" + roundId + "/stages/" + stage + "/panel",
            Map.of("judgeIds", judges),
            Map.of());
    assertStatus(panel, 201);
  }

  private void conclude(String roundId) {
    assertStatus(
        judging.send(
            "POST",
            "/api/rounds/" + roundId + "/conclude",
            null,
            Map.of("traceparent", CONCLUDE_TRACEPARENT)),
        201);
  }

  /**
   * The conclusion and the awards award-service granted on reading it carry the conclude request's
   * trace id, and every service that took them up logged doing so in that trace.
   */
  private static void assertTheConclusionsTraceFollowedWhatItCaused(
      LocalStack stack, CapturedOutput output, String roundId, Collection<String> awardIds) {
    String bootstrap = stack.kafkaBootstrapServers();
    try (TopicReader judgingTopic = new TopicReader(bootstrap, Topics.JUDGING);
        TopicReader awardsTopic = new TopicReader(bootstrap, Topics.AWARDS)) {
      ConsumerRecord<String, byte[]> concluded =
          judgingTopic
              .awaitAny(
                  TopicReader.ofType("wyp.judging.JudgingConcluded.v1")
                      .and(record -> roundId.equals(record.key())))
              .getFirst();
      Predicate<ConsumerRecord<String, byte[]>> grantedInRound =
          TopicReader.ofType("wyp.award.AwardGranted.v1")
              .and(record -> awardIds.contains(record.key()));
      eventually(() -> assertThat(awardsTopic.matching(grantedInRound)).hasSize(awardIds.size()));
      List<ConsumerRecord<String, byte[]>> granted = awardsTopic.matching(grantedInRound);

      assertThat(traceIdOf(concluded)).isEqualTo(CONCLUDE_TRACE_ID);
      assertThat(granted)
          .allSatisfy(award -> assertThat(traceIdOf(award)).isEqualTo(CONCLUDE_TRACE_ID));
      eventually(
          () -> {
            assertHandledInTheConcludeTrace(output, "award-service", concluded);
            assertHandledInTheConcludeTrace(output, "submission-service", concluded);
            for (ConsumerRecord<String, byte[]> award : granted) {
              assertHandledInTheConcludeTrace(output, "submission-service", award);
              assertHandledInTheConcludeTrace(output, "problem-service", award);
            }
          });
    }
  }

  private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
    String traceparent = TopicReader.header(record, "traceparent");
    assertThat(traceparent)
        .as("traceparent of %s", record)
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    return traceparent.split("-")[1];
  }

  /** The lines the kit's ReceivedRecordLog wrote as the service's listener took the record up. */
  private static void assertHandledInTheConcludeTrace(
      CapturedOutput output, String service, ConsumerRecord<String, byte[]> record) {
    String handling =
        service
            + " handling "
            + TopicReader.header(record, "ce_type")
            + " "
            + TopicReader.header(record, "ce_id");
    assertThat(output.getOut().lines().filter(line -> line.contains(handling)))
        .as("log lines: %s", handling)
        .isNotEmpty()
        .allMatch(line -> line.contains(CONCLUDE_TRACE_ID));
  }

  /** With normalisation NONE a pitch's score is the mean of its judges' totals. */
  private void assertFinalsRanking(String roundId, List<Pitch> byScore) {
    Http.Response ranking = judging.get("/api/rounds/" + roundId + "/stages/FINALS/ranking");
    assertStatus(ranking, 200);
    JsonNode body = ranking.json();
    assertThat(body.path("locked").asBoolean()).as(ranking.toString()).isTrue();
    JsonNode entries = body.path("entries");
    assertThat(ids(entries, "pitchId"))
        .as(ranking.toString())
        .containsExactlyElementsOf(ids(byScore));
    for (int i = 0; i < byScore.size(); i++) {
      JsonNode entry = entries.get(i);
      assertThat(entry.path("rank").asInt()).as(ranking.toString()).isEqualTo(i + 1);
      assertThat(entry.path("judgeCount").asInt()).isEqualTo(JUDGES);
      assertThat(entry.path("rawScore").asDouble())
          .isCloseTo(meanTotal(byScore.get(i)), within(1e-9));
    }
  }

  private void assertChainVerifies(String roundId) {
    Http.Response verified = judging.get("/api/rounds/" + roundId + "/chain/verify");
    assertStatus(verified, 200);
    assertThat(verified.json().path("ok").asBoolean()).as(verified.toString()).isTrue();
  }

  /** The round's awards, once allocated from judging's conclusion: pitch id to award id. */
  private Map<String, String> awaitAwards(String roundId, Pitch winner, Pitch runnerUp) {
    eventually(
        () -> {
          Map<String, JsonNode> granted = awardsOfRound(roundId);
          assertThat(granted).containsOnlyKeys(winner.id(), runnerUp.id());
          assertAward(granted.get(winner.id()), winner, 1, FIRST_AWARD_PENCE);
          assertAward(granted.get(runnerUp.id()), runnerUp, 2, SECOND_AWARD_PENCE);
        });
    return awardsOfRound(roundId).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("id").asString()));
  }

  private Map<String, JsonNode> awardsOfRound(String roundId) {
    Http.Response found = awards.get("/api/awards?roundId=" + roundId);
    assertStatus(found, 200);
    return byField(found.json().path("content"), "submissionId");
  }

  private static void assertAward(JsonNode award, Pitch pitch, int rank, long amountPence) {
    assertThat(award.path("rank").asInt()).as(award.toString()).isEqualTo(rank);
    assertThat(award.path("amountPence").asLong()).as(award.toString()).isEqualTo(amountPence);
    assertThat(award.path("smeId").asString()).isEqualTo(pitch.smeId());
    assertThat(award.path("status").asString()).isEqualTo("GRANTED");
  }

  private void assertFundFullyAllocated(String roundId) {
    JsonNode fund = fund(roundId);
    assertThat(fund.path("status").asString()).as(fund.toString()).isEqualTo("ALLOCATED");
    assertThat(fund.path("allocatedPence").asLong())
        .as(fund.toString())
        .isEqualTo(FIRST_AWARD_PENCE + SECOND_AWARD_PENCE);
    assertThat(fund.path("allocatedPence").asLong() + fund.path("remainingPence").asLong())
        .as(fund.toString())
        .isEqualTo(BUDGET_PENCE);
    assertThat(fund.path("awardCount").asInt()).isEqualTo(2);
  }

  private void acceptAndReleaseFirstTranche(String awardId, String smeToken, long firstTranche) {
    Http.Response accepted = awards.as(smeToken).post("/api/awards/" + awardId + "/accept", null);
    assertStatus(accepted, 200);
    assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

    Http.Response released = awards.post("/api/awards/" + awardId + "/tranches/1/release", null);
    assertStatus(released, 200);
    JsonNode award = awards.get("/api/awards/" + awardId).json();
    assertThat(award.path("paidPence").asLong()).as(award.toString()).isEqualTo(firstTranche);
    assertThat(award.path("status").asString()).isEqualTo("ACCEPTED");
    JsonNode tranche = award.path("tranches").get(0);
    assertThat(tranche.path("released").asBoolean()).as(award.toString()).isTrue();
    assertThat(tranche.path("amountPence").asLong()).isEqualTo(firstTranche);
    assertThat(award.path("tranches").get(1).path("released").asBoolean()).isFalse();
  }

  private void awaitOpenGrantData(
      String roundId,
      Map<String, String> awardIds,
      Pitch winner,
      Pitch runnerUp,
      long winnerPaidPence) {
    eventually(
        () -> {
          Http.Response published = awards.get("/api/rounds/" + roundId + "/360giving");
          assertStatus(published, 200);
          Map<String, JsonNode> grants = byField(published.json().path("grants"), "id");
          assertThat(grants).as(published.toString()).hasSize(2);
          assertGrant(grants, awardIds, winner, FIRST_AWARD_PENCE, winnerPaidPence);
          assertGrant(grants, awardIds, runnerUp, SECOND_AWARD_PENCE, 0);
        });
  }

  /** 360Giving gives pounds, and names the recipient by its Companies House number. */
  private static void assertGrant(
      Map<String, JsonNode> grants,
      Map<String, String> awardIds,
      Pitch pitch,
      long awardedPence,
      long disbursedPence) {
    JsonNode grant = grants.get("360G-wyp-" + awardIds.get(pitch.id()));
    assertThat(grant).as("grant for pitch %s in %s", pitch.id(), grants).isNotNull();
    assertThat(grant.path("amountAwarded").asDouble()).isEqualTo(awardedPence / 100.0);
    assertThat(grant.path("amountDisbursed").asDouble()).isEqualTo(disbursedPence / 100.0);
    JsonNode recipient = grant.path("recipientOrganization").get(0);
    assertThat(recipient.path("id").asString())
        .as(grant.toString())
        .isEqualTo("GB-COH-" + pitch.entrant().companyNumber());
    assertThat(recipient.path("name").asString()).isEqualTo(pitch.entrant().company());
  }

  private void awaitFundedSolutions(
      String problemId, Map<String, String> awardIds, Pitch winner, Pitch runnerUp) {
    eventually(
        () -> {
          Map<String, JsonNode> solutions = fundedSolutions(problemId);
          assertThat(solutions).containsOnlyKeys(winner.id(), runnerUp.id());
          assertFundedSolution(solutions.get(winner.id()), awardIds, FIRST_AWARD_PENCE);
          assertFundedSolution(solutions.get(runnerUp.id()), awardIds, SECOND_AWARD_PENCE);
        });
  }

  private static void assertFundedSolution(
      JsonNode solution, Map<String, String> awardIds, long amountPence) {
    String submissionId = solution.path("submissionId").asString();
    assertThat(solution.path("awardId").asString())
        .as(solution.toString())
        .isEqualTo(awardIds.get(submissionId));
    assertThat(solution.path("amountPence").asLong()).isEqualTo(amountPence);
    assertThat(solution.path("paidPence").asLong()).isZero();
    assertThat(solution.path("status").asString()).isEqualTo("GRANTED");
  }

  private void awaitFundedSolutionPaid(String problemId, String awardId, long paidPence) {
    eventually(
        () -> {
          JsonNode solution =
              byField(problem(problemId).path("fundedSolutions"), "awardId").get(awardId);
          assertThat(solution).isNotNull();
          assertThat(solution.path("paidPence").asLong())
              .as(solution.toString())
              .isEqualTo(paidPence);
          assertThat(solution.path("status").asString()).isEqualTo("ACCEPTED");
        });
  }

  private Map<String, JsonNode> fundedSolutions(String problemId) {
    return byField(problem(problemId).path("fundedSolutions"), "submissionId");
  }

  private JsonNode problem(String problemId) {
    Http.Response problem = problems.get("/api/problems/" + problemId);
    assertStatus(problem, 200);
    return problem.json();
  }

  private static List<Pitch> rankedByScores(List<Pitch> pitches) {
    return pitches.stream()
        .sorted(Comparator.comparingDouble(PlatformFlowTest::meanTotal).reversed())
        .toList();
  }

  private static int impact(Pitch pitch) {
    return pitch.entrant().finalsImpact();
  }

  private static int team(Pitch pitch, int judge) {
    return pitch.entrant().finalsImpact() - judge;
  }

  /** A judge's total: the weighted scores on a 0–100 scale. */
  private static double total(Pitch pitch, int judge) {
    return (IMPACT_WEIGHT * impact(pitch) + TEAM_WEIGHT * team(pitch, judge)) * 10;
  }

  private static double meanTotal(Pitch pitch) {
    return IntStream.range(0, JUDGES)
        .mapToDouble(judge -> total(pitch, judge))
        .average()
        .orElseThrow();
  }

  private static void eventually(ThrowingRunnable assertion) {
    await().atMost(CROSS_SERVICE).untilAsserted(assertion);
  }

  private static void assertStatus(Http.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }

  private static List<String> ids(List<Pitch> pitches) {
    return pitches.stream().map(Pitch::id).toList();
  }

  private static List<String> ids(JsonNode array, String field) {
    return array.valueStream().map(node -> node.path(field).asString()).toList();
  }

  private static Map<String, JsonNode> byField(JsonNode array, String field) {
    return array
        .valueStream()
        .collect(Collectors.toMap(node -> node.path(field).asString(), Function.identity()));
  }
}
