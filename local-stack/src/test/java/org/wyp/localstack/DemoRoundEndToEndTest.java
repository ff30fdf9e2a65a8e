package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.wyp.kit.testing.Http;
import org.wyp.localstack.demo.DemoRound;
import org.wyp.localstack.demo.DemoRound.Winner;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform in one process (every service and the web front on the real broker and wire
 * server) plays small demo rounds through the REST APIs only: one watched in a real browser, one
 * whose final state in every service, and on the public board, must tell the same story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoRoundEndToEndTest {

  private static final Duration CROSS_SERVICE = Duration.ofSeconds(60);
  private static final long FUND_PENCE = 30_000_00L;
  // RANK_WEIGHTED with weights 2 and 1: two thirds and one third.
  private static final long FIRST_PENCE = 20_000_00L;
  private static final long SECOND_PENCE = 10_000_00L;

  LocalStack stack;
  Http problems;
  Http submissions;
  Http judging;
  Http awards;
  Http web;

  @BeforeAll
  void startThePlatform(@TempDir Path dataDir) throws Exception {
    stack = LocalStack.start(StackOnFreePorts.options(dataDir), System.out);
    // The checks read as programme staff, who may see everything; the public board needs nobody.
    String organiser = new DevTokens(stack).organiser();
    problems = new Http(stack.serviceUrl("problem-service")).as(organiser);
    submissions = new Http(stack.serviceUrl("submission-service")).as(organiser);
    judging = new Http(stack.serviceUrl("judging-service")).as(organiser);
    awards = new Http(stack.serviceUrl("award-service")).as(organiser);
    web = new Http(stack.serviceUrl("web"));
    List.of(problems, submissions, judging, awards, web).forEach(StackOnFreePorts::awaitHealthy);
  }

  @AfterAll
  void stopThePlatform() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * A person's view: the page open in headless Chromium while a round is played. A score arrives
   * and the finals board changes without the page reloading; places, the conclusion and the awards
   * appear the same way. Runs first, so its round is the page's newest and shown by default.
   */
  @Test
  @Order(1)
  void aBrowserWatchesTheFinalsBoardFillInLiveWithoutReloading() throws Exception {
    Optional<HeadlessChromium> chromium = HeadlessChromium.find();
    assumeTrue(chromium.isPresent(), HeadlessChromium.INSTALL_HINT);
    WebDriver browser = chromium.get().start(1280, 2000);
    try {
      browser.get(stack.serviceUrl("web") + "/");
      JavascriptExecutor page = (JavascriptExecutor) browser;
      page.executeScript("window.sameDocument = 'never reloaded'");
      eventually(
          () -> assertThat(attribute(browser, "#connection", "data-state")).isEqualTo("live"));
      new Actions(browser).sendKeys(Keys.TAB).perform();
      assertThat(browser.switchTo().activeElement().getText())
          .as("the first Tab reaches the skip link")
          .isEqualTo("Skip to content");

      DemoRound.Shape shape =
          new DemoRound.Shape(2, 4, 3, 3, FUND_PENCE, 2, Duration.ofMillis(400));
      CompletableFuture<DemoRound.Result> demo =
          CompletableFuture.supplyAsync(
              () ->
                  new DemoRound(shape, stack.serviceUrls(), stack.tokenIssuerUrl(), System.out)
                      .play());
      // A demo that fails ends the wait at once, with its own reason.
      Awaitility.setDefaultConditionEvaluationListener(
          condition -> {
            if (demo.isCompletedExceptionally()) {
              demo.join();
            }
          });

      await()
          .atMost(CROSS_SERVICE)
          .until(() -> cells(browser, "scores-in").contains("scores in: 0 of 3"));
      await()
          .atMost(CROSS_SERVICE)
          .until(() -> cells(browser, "scores-in").contains("scores in: 1 of 3"));
      await()
          .atMost(CROSS_SERVICE)
          .until(() -> cells(browser, "place").stream().anyMatch(place -> !place.equals("—")));
      await()
          .atMost(CROSS_SERVICE)
          .until(() -> text(browser, "#finals-status").contains("concluded"));
      DemoRound.Result round = demo.get(2, TimeUnit.MINUTES);
      await()
          .atMost(CROSS_SERVICE)
          .until(() -> browser.findElements(By.cssSelector("#award-list li")).size() == 2);

      assertThat(cells(browser, "place")).containsExactly("1st", "2nd", "3rd");
      assertThat(text(browser, "#award-list")).contains(round.winners().getFirst().company());
      assertThat(text(browser, "#fund-summary")).contains("£30,000");
      assertThat(page.executeScript("return window.sameDocument"))
          .as("every change arrived without a reload")
          .isEqualTo("never reloaded");
      Path screenshot = HeadlessChromium.screenshotDirectory().resolve("live-finals-board.png");
      Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      assertThat(Files.size(screenshot)).isPositive();
    } catch (AssertionError | RuntimeException failure) {
      // What the page showed when it went wrong, to see why without rerunning.
      Files.write(
          HeadlessChromium.screenshotDirectory().resolve("failure.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      System.out.println("page at failure:\n" + text(browser, "body"));
      throw failure;
    } finally {
      Awaitility.reset();
      browser.quit();
    }
  }

  /**
   * Read in one script: the page re-renders the board on every change, so elements found earlier
   * may already be replaced.
   */
  @SuppressWarnings("unchecked")
  private static List<String> cells(WebDriver browser, String field) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                    + ".map(cell => cell.textContent.trim())",
                "#finals-body td[data-field='" + field + "']");
  }

  private static String text(WebDriver browser, String selector) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript("return document.querySelector(arguments[0]).innerText", selector);
  }

  private static String attribute(WebDriver browser, String selector, String name) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.querySelector(arguments[0]).getAttribute(arguments[1])",
                selector,
                name);
  }

  @Test
  @Order(2)
  void aSmallRoundPlayedThroughTheApisEndsTheSameInEveryServiceAndOnThePublicBoard() {
    DemoRound.Shape shape = new DemoRound.Shape(3, 6, 3, 3, FUND_PENCE, 2, Duration.ZERO);

    DemoRound.Result round =
        new DemoRound(shape, stack.serviceUrls(), stack.tokenIssuerUrl(), System.out).play();

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
