package org.wyp.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.wyp.events.Topics;
import org.wyp.kit.testing.Http;
import org.wyp.localstack.faults.Traffic.Pitch;
import org.wyp.localstack.faults.Traffic.Round;
import tools.jackson.databind.JsonNode;

/**
 * Two rounds whose traffic flows while a fault strikes, and the count afterwards.
 *
 * <p>In the <em>pitched</em> round SMEs register and pitch: each accepted pitch (a 201) must reach
 * judging-service's pitch projection, award-service's recipient directory and the problem's public
 * submission count exactly once. In the <em>scored</em> round, prepared beforehand up to its
 * finals, the panel's scores arrive: each accepted score must be in judging's chain once, published
 * once (one event id, however often Kafka delivered it), counted once on the public finals board,
 * and after the conclusion the awards must be granted once, in award-service, in problem-service's
 * funded solutions and in the SMEs' submission statuses.
 *
 * <p>The traffic comes in phases; between them (or during one) the test injects its fault, so that
 * requests, relays and consumers all have work in hand when it strikes.
 */
final class FaultScenario {

  static final int PHASES = 3;
  static final int PITCHES_PER_PHASE = 8;
  static final int FINALISTS = 6;
  static final int JUDGES = 3;
  static final long BUDGET_PENCE = 30_000_00L;
  // RANK_WEIGHTED with weights 2 and 1.
  static final long FIRST_PENCE = 20_000_00L;
  static final long SECOND_PENCE = 10_000_00L;

  private static final Duration CROSS_SERVICE = Duration.ofSeconds(90);

  /** A thread per stream: both streams of a phase run at once on any number of cores. */
  private static final Executor TRAFFIC =
      runnable -> Thread.ofPlatform().daemon().name("fault-traffic").start(runnable);

  private final String name;
  private final Traffic traffic;
  private final PlatformRecords records;

  private Round scored;
  private Round pitched;
  private List<Pitch> finalists;
  private List<String> judgeIds;
  private Map<String, String> judgeTokens;
  private final List<Pitch> accepted = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> scoreAnswers = new ConcurrentHashMap<>();
  private final CountDownLatch scoreHeld = new CountDownLatch(1);
  private final CountDownLatch scoresReleased = new CountDownLatch(1);

  FaultScenario(String name, Traffic traffic, PlatformRecords records) {
    this.name = name;
    this.traffic = traffic;
    this.records = records;
  }

  /** Both rounds ready: the scored one at its finals, the pitched one open for pitches. */
  void prepare() {
    scored = traffic.openRoundWithProblems(name + ": scored", 2);
    awaitSubmissionServiceKnows(scored);
    finalists = new ArrayList<>();
    for (int i = 0; i < FINALISTS; i++) {
      finalists.add(
          traffic.pitch(traffic.url("submission-service"), scored.problemIds().get(i % 2)));
    }
    traffic.closeSubmissions(scored);
    traffic.configureFund(scored, BUDGET_PENCE);
    judgeTokens = traffic.registerJudges(JUDGES);
    judgeIds = List.copyOf(judgeTokens.keySet());
    awaitJudgingKnows(scored, finalists);
    traffic.readyFinals(scored, finalists, judgeIds);
    pitched = traffic.openRoundWithProblems(name + ": pitched", 2);
    awaitSubmissionServiceKnows(pitched);
  }

  /**
   * Starts phase {@code phase} (0-based): its share of the pitches, sent to the submission-service
   * instance {@code submissionUrl} names for each pitch's index, and its share of the finals
   * scores, both streams at once.
   */
  CompletableFuture<Void> startPhase(int phase, IntFunction<String> submissionUrl) {
    return startPhase(phase, submissionUrl, false);
  }

  /**
   * Like {@link #startPhase(int, IntFunction)}, but the scores stop after the phase's first until
   * {@link #releaseScores()}: the test strikes while a score was just accepted and the next ones
   * are certain to meet the fault.
   */
  CompletableFuture<Void> startPhaseHoldingScores(int phase, IntFunction<String> submissionUrl) {
    return startPhase(phase, submissionUrl, true);
  }

  /** Whether the held phase's first score has been answered and the rest wait. */
  boolean scoresHeld() {
    return scoreHeld.getCount() == 0;
  }

  void releaseScores() {
    scoresReleased.countDown();
  }

  private CompletableFuture<Void> startPhase(
      int phase, IntFunction<String> submissionUrl, boolean holdScores) {
    CompletableFuture<Void> pitches =
        CompletableFuture.runAsync(
            () -> {
              for (int i = phase * PITCHES_PER_PHASE; i < (phase + 1) * PITCHES_PER_PHASE; i++) {
                accepted.add(
                    traffic.pitch(submissionUrl.apply(i), pitched.problemIds().get(i % 2)));
              }
            },
            TRAFFIC);
    List<Slot> slots = scoreSlots();
    int perPhase = slots.size() / PHASES;
    CompletableFuture<Void> scores =
        CompletableFuture.runAsync(
            () -> {
              for (Slot slot : slots.subList(phase * perPhase, (phase + 1) * perPhase)) {
                Pitch pitch = finalists.get(slot.pitch());
                String judgeId = judgeIds.get(slot.judge());
                // No two finalists tie: each judge marks the later ones higher.
                int impact = 3 + slot.pitch();
                Traffic.Answer answer =
                    traffic.score(
                        pitch, judgeId, judgeTokens.get(judgeId), impact, impact - slot.judge());
                scoreAnswers.put(pitch.id() + ":" + judgeId, answer.status());
                if (holdScores && scoreHeld.getCount() > 0) {
                  scoreHeld.countDown();
                  awaitRelease();
                }
              }
            },
            TRAFFIC);
    return CompletableFuture.allOf(pitches, scores);
  }

  private void awaitRelease() {
    try {
      if (!scoresReleased.await(CROSS_SERVICE.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("the held scores were never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a phase to its end. */
  void runPhase(int phase, IntFunction<String> submissionUrl) {
    startPhase(phase, submissionUrl).join();
  }

  /** How many of the pitched round's pitches judging-service's projection holds now. */
  int pitchesKnownToJudging() {
    return records.find("judging-service", "pitches", Filters.eq("roundId", pitched.id())).size();
  }

  /** How many pitches of the pitched round were accepted so far. */
  int pitchesAccepted() {
    return accepted.size();
  }

  /** Concludes the scored round and waits until the platform has settled. */
  void finish() {
    traffic.conclude(scored);
    records.awaitSettled("after " + name);
  }

  /** A finals score to give: the finalist's and the judge's index. */
  private record Slot(int pitch, int judge) {}

  /** Every finalist for every judge, judge by judge, so each phase has every finalist in it. */
  private static List<Slot> scoreSlots() {
    List<Slot> slots = new ArrayList<>();
    for (int judge = 0; judge < JUDGES; judge++) {
      for (int pitch = 0; pitch < FINALISTS; pitch++) {
        slots.add(new Slot(pitch, judge));
      }
    }
    return slots;
  }

  // The count

  /**
   * Every accepted request's effects exist exactly once in every downstream projection, the
   * outboxes are empty, nothing of these rounds was dead-lettered, and the public board agrees with
   * every service's views. Returns what the count found, for the report.
   */
  Count assertEveryEffectExactlyOnce(Http web) {
    Count count = new Count();
    assertPitchesOnce(count);
    assertScoresOnce(count);
    assertAwardsOnce(count);
    assertThat(records.pendingOutboxEvents()).as("events left in outboxes").isZero();
    assertNothingDeadLettered();
    assertPublicBoardAgrees(web);
    count.redeliveredEvents = redelivered();
    return count;
  }

  /**
   * What the count found: how many effects, and how often Kafka carried an event more than once.
   */
  static final class Count {
    int pitches;
    int scores;
    int scoresRetriedAsRevision;
    int awards;
    int redeliveredEvents;

    @Override
    public String toString() {
      return ("%d pitches, %d scores (%d answered as a revision after an unknown outcome),"
              + " %d awards; %d of their events were on Kafka more than once")
          .formatted(pitches, scores, scoresRetriedAsRevision, awards, redeliveredEvents);
    }
  }

  private void assertPitchesOnce(Count count) {
    List<String> ids = sorted(accepted.stream().map(Pitch::id).toList());
    assertThat(ids)
        .as("accepted pitches")
        .hasSize(PHASES * PITCHES_PER_PHASE)
        .doesNotHaveDuplicates();
    count.pitches = ids.size();

    assertThat(
            idsOf(
                records.find(
                    "submission-service", "submissions", Filters.eq("roundId", pitched.id()))))
        .as("submission-service's submissions of the pitched round")
        .containsExactlyElementsOf(ids);
    assertThat(
            idsOf(records.find("judging-service", "pitches", Filters.eq("roundId", pitched.id()))))
        .as("judging-service's pitch projection of the pitched round")
        .containsExactlyElementsOf(ids);
    assertThat(idsOf(records.find("award-service", "known_pitches", Filters.in("_id", ids))))
        .as("award-service's recipient directory")
        .containsExactlyElementsOf(ids);
    assertThat(
            idsOf(
                records.find(
                    "award-service",
                    "known_smes",
                    Filters.in("_id", accepted.stream().map(Pitch::smeId).toList()))))
        .as("award-service's SMEs")
        .hasSize(ids.size());
    for (String problemId : pitched.problemIds()) {
      long pitchesToProblem =
          accepted.stream().filter(p -> p.problemId().equals(problemId)).count();
      List<Document> stats =
          records.find(
              "submission-service",
              "public_views",
              Filters.eq("_id", "problem-stats:" + problemId));
      assertThat(stats).as("problem-stats view of %s", problemId).hasSize(1);
      assertThat(PlatformRecords.view(stats.getFirst()).path("submissions").asLong())
          .as("public submission count of problem %s", problemId)
          .isEqualTo(pitchesToProblem);
    }

    // At least once on Kafka, but one event, one id, per accepted pitch.
    Map<String, Set<String>> eventIdsBySubmission = new TreeMap<>();
    List<ConsumerRecord<String, byte[]>> onTopic = records.records(Topics.SUBMISSIONS);
    for (ConsumerRecord<String, byte[]> record : onTopic) {
      if ("wyp.submission.SubmissionReceived.v1".equals(PlatformRecords.header(record, "ce_type"))
          && pitched.id().equals(PlatformRecords.body(record).path("roundId").asString())) {
        eventIdsBySubmission
            .computeIfAbsent(record.key(), k -> new HashSet<>())
            .add(PlatformRecords.header(record, "ce_id"));
      }
    }
    assertThat(eventIdsBySubmission.keySet())
        .as("submissions with a SubmissionReceived event")
        .containsExactlyElementsOf(ids);
    assertThat(eventIdsBySubmission.values())
        .as("event ids per accepted submission")
        .allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
  }

  private void assertScoresOnce(Count count) {
    List<String> expected = new ArrayList<>();
    for (Pitch pitch : finalists) {
      for (String judgeId : judgeIds) {
        expected.add(pitch.id() + ":" + judgeId);
      }
    }
    expected = sorted(expected);
    assertThat(sorted(scoreAnswers.keySet()))
        .as("scores accepted")
        .containsExactlyElementsOf(expected);
    count.scores = expected.size();
    count.scoresRetriedAsRevision =
        (int) scoreAnswers.values().stream().filter(s -> s == 200).count();

    List<String> firstScoresInChain =
        records
            .find(
                "judging-service",
                "chain_entries",
                Filters.and(
                    Filters.eq("roundId", scored.id()),
                    Filters.eq("kind", "SCORE"),
                    Filters.eq("data.stage", "FINALS"),
                    Filters.eq("data.revision", 0)))
            .stream()
            .map(
                entry -> {
                  Document data = entry.get("data", Document.class);
                  return data.getString("pitchId") + ":" + data.getString("judgeId");
                })
            .toList();
    assertThat(sorted(firstScoresInChain))
        .as("first scores in judging's chain")
        .containsExactlyElementsOf(expected);

    Map<String, String> scoreByEventId = new LinkedHashMap<>();
    List<ConsumerRecord<String, byte[]>> onTopic = records.records(Topics.JUDGING);
    for (ConsumerRecord<String, byte[]> record : onTopic) {
      if ("wyp.judging.PitchScored.v1".equals(PlatformRecords.header(record, "ce_type"))
          && scored.id().equals(record.key())) {
        JsonNode body = PlatformRecords.body(record);
        scoreByEventId.put(
            PlatformRecords.header(record, "ce_id"),
            body.path("pitchId").asString() + ":" + body.path("judgeId").asString());
      }
    }
    assertThat(sorted(scoreByEventId.values()))
        .as("PitchScored events, one per event id")
        .containsExactlyElementsOf(expected);

    JsonNode board = records.publicViews().get("leaderboard:" + scored.id());
    assertThat(board).as("the scored round's finals board").isNotNull();
    assertThat(board.path("status").asString()).as(board.toString()).isEqualTo("CONCLUDED");
    assertThat(board.path("entries").valueStream().map(e -> e.path("scoresIn").asInt()).toList())
        .as("scores counted per finalist on the board: %s", board)
        .hasSize(FINALISTS)
        .containsOnly(JUDGES);
  }

  private void assertAwardsOnce(Count count) {
    List<String> ranking = traffic.finalsRanking(scored);
    assertThat(ranking).as("finals ranking").hasSize(FINALISTS);
    List<String> winners = ranking.subList(0, 2);

    List<Document> funds = records.find("award-service", "funds", Filters.eq("_id", scored.id()));
    assertThat(funds).hasSize(1);
    List<Document> granted = funds.getFirst().getList("awards", Document.class);
    assertThat(granted.stream().map(a -> a.getString("submissionId")).toList())
        .as("awards granted in award-service")
        .containsExactlyInAnyOrderElementsOf(winners);
    Map<String, Long> amountBySubmission =
        granted.stream()
            .collect(
                Collectors.toMap(a -> a.getString("submissionId"), a -> a.getLong("amountPence")));
    assertThat(amountBySubmission)
        .containsEntry(winners.get(0), FIRST_PENCE)
        .containsEntry(winners.get(1), SECOND_PENCE);
    assertThat(funds.getFirst().getString("status")).isEqualTo("ALLOCATED");
    List<String> awardIds = sorted(granted.stream().map(a -> a.getString("awardId")).toList());
    count.awards = awardIds.size();

    Map<String, Set<String>> eventIdsByAward = new TreeMap<>();
    List<ConsumerRecord<String, byte[]>> onTopic = records.records(Topics.AWARDS);
    for (ConsumerRecord<String, byte[]> record : onTopic) {
      if ("wyp.award.AwardGranted.v1".equals(PlatformRecords.header(record, "ce_type"))
          && scored.id().equals(PlatformRecords.body(record).path("roundId").asString())) {
        eventIdsByAward
            .computeIfAbsent(record.key(), k -> new HashSet<>())
            .add(PlatformRecords.header(record, "ce_id"));
      }
    }
    assertThat(eventIdsByAward.keySet())
        .as("AwardGranted events")
        .containsExactlyElementsOf(awardIds);
    assertThat(eventIdsByAward.values()).allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));

    List<Document> funded =
        records.find("problem-service", "funded_solutions", Filters.in("_id", awardIds));
    assertThat(idsOf(funded))
        .as("problem-service's funded solutions")
        .containsExactlyElementsOf(awardIds);
    assertThat(funded)
        .allSatisfy(
            solution ->
                assertThat(solution.getLong("amountPence"))
                    .isEqualTo(amountBySubmission.get(solution.getString("submissionId"))));

    Map<String, Document> submissions = new TreeMap<>();
    records
        .find("submission-service", "submissions", Filters.eq("roundId", scored.id()))
        .forEach(s -> submissions.put(s.getString("_id"), s));
    assertThat(submissions.keySet())
        .containsExactlyInAnyOrderElementsOf(finalists.stream().map(Pitch::id).toList());
    submissions.forEach(
        (id, submission) -> {
          if (winners.contains(id)) {
            assertThat(submission.getString("status")).as(submission.toJson()).isEqualTo("AWARDED");
            assertThat(submission.getLong("awardedPence")).isEqualTo(amountBySubmission.get(id));
          } else {
            assertThat(submission.getString("status"))
                .as(submission.toJson())
                .isEqualTo("NOT_AWARDED");
          }
        });
  }

  /** Nothing of these rounds went to a dead-letter topic: a fault is not a poison record. */
  private void assertNothingDeadLettered() {
    Set<String> ours = keys();
    for (String topic : PlatformRecords.EVENT_TOPICS) {
      assertThat(
              records.records(Topics.deadLetterOf(topic)).stream()
                  .map(ConsumerRecord::key)
                  .filter(ours::contains)
                  .toList())
          .as("keys of this scenario's records on %s", Topics.deadLetterOf(topic))
          .isEmpty();
    }
  }

  /** Records of these rounds on the event topics whose event id an earlier record already had. */
  private int redelivered() {
    Set<String> ours = keys();
    int again = 0;
    for (String topic : PlatformRecords.EVENT_TOPICS) {
      Set<String> seen = new HashSet<>();
      for (ConsumerRecord<String, byte[]> record : records.records(topic)) {
        String id = PlatformRecords.header(record, "ce_id");
        if (ours.contains(record.key()) && !seen.add(id)) {
          again++;
        }
      }
    }
    return again;
  }

  /** The record keys of these rounds' events: rounds, problems, pitches, SMEs and awards. */
  private Set<String> keys() {
    Set<String> ours = new HashSet<>();
    for (Round round : List.of(scored, pitched)) {
      ours.add(round.id());
      ours.addAll(round.problemIds());
    }
    for (Pitch pitch : concat(finalists, accepted)) {
      ours.add(pitch.id());
      ours.add(pitch.smeId());
    }
    for (Document fund : records.find("award-service", "funds", Filters.eq("_id", scored.id()))) {
      fund.getList("awards", Document.class).forEach(a -> ours.add(a.getString("awardId")));
    }
    return ours;
  }

  /** The web front's board holds every service's latest public view, as the service derived it. */
  private void assertPublicBoardAgrees(Http web) {
    Map<String, JsonNode> derived = records.publicViews();
    await("the public board to show every service's latest views")
        .atMost(CROSS_SERVICE)
        .untilAsserted(
            () -> {
              Map<String, JsonNode> board = PlatformRecords.board(web);
              derived.forEach(
                  (key, view) ->
                      assertThat(board.get(key)).as("board item %s", key).isEqualTo(view));
            });
  }

  private void awaitSubmissionServiceKnows(Round round) {
    await("submission-service to learn of round %s and its problems".formatted(round.id()))
        .atMost(CROSS_SERVICE)
        .untilAsserted(
            () -> {
              assertThat(
                      records.find(
                          "submission-service", "known_rounds", Filters.eq("_id", round.id())))
                  .extracting(r -> r.getString("phase"))
                  .containsExactly("OPEN");
              assertThat(
                      records.find(
                          "submission-service",
                          "known_problems",
                          Filters.in("_id", round.problemIds())))
                  .extracting(p -> p.getString("availability"))
                  .hasSize(round.problemIds().size())
                  .containsOnly("PUBLISHED");
            });
  }

  private void awaitJudgingKnows(Round round, List<Pitch> pitches) {
    await("judging-service to learn of every pitch of round " + round.id())
        .atMost(CROSS_SERVICE)
        .untilAsserted(
            () ->
                assertThat(
                        idsOf(
                            records.find(
                                "judging-service", "pitches", Filters.eq("roundId", round.id()))))
                    .containsExactlyElementsOf(sorted(pitches.stream().map(Pitch::id).toList())));
  }

  private static List<String> idsOf(List<Document> documents) {
    return sorted(documents.stream().map(d -> String.valueOf(d.get("_id"))).toList());
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private static List<Pitch> concat(List<Pitch> a, List<Pitch> b) {
    List<Pitch> all = new ArrayList<>(a);
    synchronized (b) {
      all.addAll(b);
    }
    return all;
  }
}
