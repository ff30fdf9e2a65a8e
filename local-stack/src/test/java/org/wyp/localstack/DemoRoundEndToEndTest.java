package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wyp.kit.testing.Http;
import org.wyp.localstack.demo.DemoRound;
import org.wyp.localstack.demo.DemoRound.Winner;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform in one process (every service and the web front on the real broker and wire
 * server) plays a small demo round through the REST APIs only; then every service's final state,
 * and the public board's, must tell the same story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRoundEndToEndTest {

  private static final Duration CROSS_SERVICE = Duration.ofSeconds(60);
  private static final long FUND_PENCE = 30_000_00L;
  // RANK_WEIGHTED with weights 2 and 1: two thirds and one third.
  private static final long FIRST_PENCE = 20_000_00L;
  private static final long SECOND_PENCE = 10_000_00L;

  @TempDir Path dataDir;

  LocalStack stack;
  Http problems;
  Http submissions;
  Http judging;
  Http awards;
  Http web;

  @BeforeAll
  void startThePlatform() throws Exception {
    stack = LocalStack.start(StackOnFreePorts.options(dataDir), System.out);
    problems = new Http(stack.serviceUrl("problem-service"));
    submissions = new Http(stack.serviceUrl("submission-service"));
    judging = new Http(stack.serviceUrl("judging-service"));
    awards = new Http(stack.serviceUrl("award-service"));
    web = new Http(stack.serviceUrl("web"));
    List.of(problems, submissions, judging, awards, web).forEach(StackOnFreePorts::awaitHealthy);
  }

  @AfterAll
  void stopThePlatform() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aSmallRoundPlayedThroughTheApisEndsTheSameInEveryServiceAndOnThePublicBoard() {
    DemoRound.Shape shape = new DemoRound.Shape(3, 6, 3, 3, FUND_PENCE, 2, Duration.ZERO);

    DemoRound.Result round = new DemoRound(shape, stack.serviceUrls(), System.out).play();

    assertThat(round.winners()).extracting(Winner::rank).containsExactly(1, 2);
    assertThat(round.winners())
        .extracting(Winner::amountPence)
        .containsExactly(FIRST_PENCE, SECOND_PENCE);
    List<String> ranked = assertJudgingConcludedOnTheFinalists(round);
    assertThat(round.winners())
        .extracting(Winner::pitchId)
        .containsExactlyElementsOf(ranked.subList(0, 2));
    assertFundAllocatedAndFirstTranchesPaid(round);
    eventually(() -> assertSubmissionOutcomes(round));
    eventually(() -> assertProblemsShowTheirFundedSolutions(round));
    eventually(() -> assertThePublicBoard(round, ranked));
  }

  /** The finals ranking, locked, over exactly the finalists; returns their ids in rank order. */
  private List<String> assertJudgingConcludedOnTheFinalists(DemoRound.Result round) {
    JsonNode ranking = ok(judging.get("/api/rounds/" + round.roundId() + "/stages/FINALS/ranking"));
    assertThat(ranking.path("locked").asBoolean()).isTrue();
    List<String> ranked = new ArrayList<>();
    for (JsonNode entry : ranking.path("entries")) {
      assertThat(entry.path("rank").asInt()).isEqualTo(ranked.size() + 1);
      assertThat(entry.path("judgeCount").asInt()).isEqualTo(3);
      ranked.add(entry.path("pitchId").asString());
    }
    assertThat(ranked).containsExactlyInAnyOrderElementsOf(round.finalistIds());
    assertThat(
            ok(judging.get("/api/rounds/" + round.roundId() + "/chain/verify"))
                .path("ok")
                .asBoolean())
        .isTrue();
    return ranked;
  }

  private void assertFundAllocatedAndFirstTranchesPaid(DemoRound.Result round) {
    JsonNode fund = ok(awards.get("/api/funds/" + round.roundId()));
    assertThat(fund.path("status").asString()).isEqualTo("ALLOCATED");
    assertThat(fund.path("budgetPence").asLong()).isEqualTo(FUND_PENCE);
    assertThat(fund.path("allocatedPence").asLong()).isEqualTo(FUND_PENCE);
    assertThat(fund.path("paidPence").asLong()).isEqualTo((FIRST_PENCE + SECOND_PENCE) * 40 / 100);
    assertThat(fund.path("remainingPence").asLong()).isZero();
    for (Winner winner : round.winners()) {
      JsonNode award = ok(awards.get("/api/awards/" + winner.awardId()));
      assertThat(award.path("status").asString()).isEqualTo("ACCEPTED");
      assertThat(award.path("paidPence").asLong()).isEqualTo(winner.amountPence() * 40 / 100);
    }
  }

  private void assertSubmissionOutcomes(DemoRound.Result round) {
    Map<String, Long> won = new HashMap<>();
    round.winners().forEach(w -> won.put(w.pitchId(), w.amountPence()));
    for (String pitchId : round.pitchIds()) {
      JsonNode pitch = ok(submissions.get("/api/submissions/" + pitchId));
      String expected =
          won.containsKey(pitchId)
              ? "AWARDED"
              : round.finalistIds().contains(pitchId) ? "NOT_AWARDED" : "NOT_SHORTLISTED";
      assertThat(pitch.path("status").asString()).as(pitch.toString()).isEqualTo(expected);
      if (won.containsKey(pitchId)) {
        assertThat(pitch.path("awardedPence").asLong()).isEqualTo(won.get(pitchId));
      }
    }
  }

  private void assertProblemsShowTheirFundedSolutions(DemoRound.Result round) {
    List<String> funded = new ArrayList<>();
    for (String problemId : round.problemIds()) {
      JsonNode problem = ok(problems.get("/api/problems/" + problemId));
      assertThat(problem.path("endorsementCount").asInt()).isEqualTo(1);
      problem.path("fundedSolutions").forEach(s -> funded.add(s.path("submissionId").asString()));
    }
    assertThat(funded)
        .containsExactlyInAnyOrderElementsOf(
            round.winners().stream().map(Winner::pitchId).toList());
  }

  /** What anyone sees: the web front's board, built only from the public update topic. */
  private void assertThePublicBoard(DemoRound.Result round, List<String> ranked) {
    Map<String, JsonNode> board = new HashMap<>();
    for (JsonNode item : ok(web.get("/api/views?size=500")).path("content")) {
      board.put(item.path("key").asString(), item.path("view"));
    }
    String roundId = round.roundId();
    assertThat(board.get("round:" + roundId).path("status").asString())
        .isEqualTo("SUBMISSIONS_CLOSED");
    long pitches = 0;
    for (String problemId : round.problemIds()) {
      assertThat(board.get("problem:" + problemId).path("endorsements").asInt()).isEqualTo(1);
      pitches += board.get("problem-stats:" + problemId).path("submissions").asLong();
    }
    assertThat(pitches).isEqualTo(round.pitchIds().size());

    JsonNode finals = board.get("leaderboard:" + roundId);
    assertThat(finals.path("status").asString()).isEqualTo("CONCLUDED");
    List<String> onTheBoard = new ArrayList<>();
    for (JsonNode entry : finals.path("entries")) {
      assertThat(entry.path("rank").asInt()).isEqualTo(onTheBoard.size() + 1);
      assertThat(entry.path("scoresIn").asInt()).isEqualTo(3);
      assertThat(entry.path("companyName").asString()).isNotBlank();
      onTheBoard.add(entry.path("pitchId").asString());
    }
    assertThat(onTheBoard).containsExactlyElementsOf(ranked);
    for (String judgeId : round.judgeIds()) {
      assertThat(finals.toString()).as("no judge on the public board").doesNotContain(judgeId);
    }

    for (Winner winner : round.winners()) {
      JsonNode award = board.get("award:" + winner.awardId());
      assertThat(award.path("companyName").asString()).isEqualTo(winner.company());
      assertThat(award.path("amountPence").asLong()).isEqualTo(winner.amountPence());
      assertThat(award.path("status").asString()).isEqualTo("ACCEPTED");
      assertThat(award.path("tranchesReleased").asInt()).isEqualTo(1);
    }
    JsonNode fund = board.get("fund:" + roundId);
    assertThat(fund.path("budgetPence").asLong()).isEqualTo(FUND_PENCE);
    assertThat(fund.path("allocatedPence").asLong()).isEqualTo(FUND_PENCE);
    assertThat(fund.path("paidPence").asLong()).isEqualTo((FIRST_PENCE + SECOND_PENCE) * 40 / 100);
    assertThat(fund.path("awards").asInt()).isEqualTo(2);
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void eventually(ThrowingRunnable assertion) {
    await().atMost(CROSS_SERVICE).untilAsserted(assertion);
  }
}
