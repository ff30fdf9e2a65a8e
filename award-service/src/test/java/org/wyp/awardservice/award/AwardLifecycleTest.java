package org.wyp.awardservice.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.awardservice.AwardFixtures.accept;
import static org.wyp.awardservice.AwardFixtures.configure;
import static org.wyp.awardservice.AwardFixtures.finals;
import static org.wyp.awardservice.AwardFixtures.fund;
import static org.wyp.awardservice.AwardFixtures.ranked;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.awardservice.AwardFixtures;
import org.wyp.awardservice.LedgerInvariants;
import org.wyp.events.Topics;
import org.wyp.events.award.AwardAccepted;
import org.wyp.events.award.AwardCompleted;
import org.wyp.events.award.AwardEvent;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.AwardRevoked;
import org.wyp.events.award.TrancheReleased;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * An award's lifecycle over HTTP: acceptance, tranche releases in order, completion, revocation,
 * each moving the fund's money in the same write; concurrent releases of one tranche pay it once.
 */
@ServiceIntegrationTest
class AwardLifecycleTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;
  TopicReader awardsTopic;
  UUID roundId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    awardsTopic = new TopicReader(Brokers.of(kafka), Topics.AWARDS);
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    LedgerInvariants.assertEveryFundBalances(mongo);
    awardsTopic.close();
    sender.close();
  }

  @Test
  void anAcceptedAwardIsPaidTrancheByTrancheInOrderAndCompletes() {
    String award = grantedAwards(50_000_00, 1).getFirst();
    String release1 = "/api/awards/" + award + "/tranches/1/release";
    String release2 = "/api/awards/" + award + "/tranches/2/release";

    assertProblem(http.post(release1, null), 409, "illegal-transition");
    Http.Response accepted = accept(http, award);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.header("ETag")).isEqualTo("\"2\"");
    assertProblem(accept(http, award), 409, "illegal-transition");
    assertProblem(http.post(release2, null), 409, "tranche-out-of-order");
    assertProblem(
        http.post("/api/awards/" + award + "/tranches/3/release", null), 404, "not-found");

    Http.Response first = http.post(release1, null);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("paidPence").asLong()).isEqualTo(20_000_00);
    assertThat(fundView().path("paidPence").asLong()).isEqualTo(20_000_00);
    assertProblem(http.post(release1, null), 409, "tranche-already-released");

    JsonNode completed = http.post(release2, null).json();
    assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.path("paidPence").asLong()).isEqualTo(50_000_00);
    assertProblem(http.post("/api/awards/" + award + "/revoke", null), 409, "illegal-transition");

    JsonNode fund = fundView();
    assertThat(fund.path("paidPence").asLong()).isEqualTo(50_000_00);
    assertThat(fund.path("allocatedPence").asLong()).isEqualTo(50_000_00);
    assertThat(fund.path("remainingPence").asLong()).isZero();
    assertThat(fund.path("balances").path("PAID_OUT").asLong()).isEqualTo(50_000_00);
    assertThat(fund.path("balances").path("AWARDS_COMMITTED").asLong()).isZero();

    List<AwardEvent> history = awaitEvents(award, 5);
    assertThat(history)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "AwardGranted",
            "AwardAccepted",
            "TrancheReleased",
            "TrancheReleased",
            "AwardCompleted");
    assertThat(history).extracting(AwardEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L);
    TrancheReleased last = (TrancheReleased) history.get(3);
    assertThat(last.trancheNumber()).isEqualTo(2);
    assertThat(last.amountPence()).isEqualTo(30_000_00);
    assertThat(last.paidPence()).isEqualTo(50_000_00);
    assertThat(((AwardCompleted) history.get(4)).paidPence()).isEqualTo(50_000_00);
  }

  @Test
  void concurrentReleasesOfOneTranchePayItExactlyOnce() throws Exception {
    List<String> awards = grantedAwards(90_000_00, 3);
    String award = awards.getFirst();
    for (String each : awards) {
      assertThat(accept(http, each).status()).isEqualTo(200);
    }
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Http.Response>> responses = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        // Half release the same tranche, the rest of the round's awards change the same fund.
        String target = i % 2 == 0 ? award : awards.get(1 + (i / 2) % 2);
        responses.add(
            pool.submit(
                () -> {
                  start.await();
                  return http.post("/api/awards/" + target + "/tranches/1/release", null);
                }));
      }
      start.countDown();
      List<Http.Response> sameTranche = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Http.Response response = responses.get(i).get();
        assertThat(response.status()).as(response.toString()).isIn(200, 409);
        if (i % 2 == 0) {
          sameTranche.add(response);
        }
      }
      assertThat(sameTranche).filteredOn(r -> r.status() == 200).hasSize(1);
      assertThat(sameTranche)
          .filteredOn(r -> r.status() == 409)
          .hasSize(threads / 2 - 1)
          .allSatisfy(r -> assertThat(r.body()).contains("tranche-already-released"));
    } finally {
      pool.shutdownNow();
    }

    JsonNode released = http.get("/api/awards/" + award).json();
    assertThat(released.path("paidPence").asLong()).isEqualTo(12_000_00);
    JsonNode fund = fundView();
    List<JsonNode> payments =
        fund.path("ledger")
            .valueStream()
            .filter(e -> e.path("kind").asString().equals("TRANCHE_RELEASED"))
            .filter(e -> e.path("awardId").asString().equals(award))
            .toList();
    assertThat(payments).hasSize(1);
    assertThat(payments.getFirst().path("amountPence").asLong()).isEqualTo(12_000_00);
    assertThat(fund.path("paidPence").asLong()).isEqualTo(3 * 12_000_00);
    awaitEvents(award, 3);
    awardsTopic.readToEnd();
    assertThat(eventsOf(award)).filteredOn(e -> e instanceof TrancheReleased).hasSize(1);
  }

  @Test
  void revokingAnAwardReturnsItsUnpaidRemainderToTheFund() {
    List<String> awards = grantedAwards(100_000_01, 3);
    String award = awards.getFirst();
    long amount = http.get("/api/awards/" + award).json().path("amountPence").asLong();
    assertThat(amount).isEqualTo(33_333_33);
    accept(http, award);
    http.post("/api/awards/" + award + "/tranches/1/release", null);
    assertThat(fundView().path("remainingPence").asLong()).isEqualTo(2);

    Http.Response revoked =
        http.post("/api/awards/" + award + "/revoke", Map.of("reason", "Company dissolved"));

    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    JsonNode view = revoked.json();
    assertThat(view.path("status").asString()).isEqualTo("REVOKED");
    assertThat(view.path("paidPence").asLong()).isEqualTo(13_333_33);
    assertThat(view.path("returnedPence").asLong()).isEqualTo(20_000_00);
    JsonNode fund = fundView();
    assertThat(fund.path("remainingPence").asLong()).isEqualTo(20_000_02);
    assertThat(fund.path("paidPence").asLong()).isEqualTo(13_333_33);
    assertThat(fund.path("allocatedPence").asLong()).isEqualTo(100_000_01 - 20_000_02);
    assertProblem(
        http.post("/api/awards/" + award + "/tranches/2/release", null), 409, "illegal-transition");
    assertProblem(http.post("/api/awards/" + award + "/revoke", null), 409, "illegal-transition");

    // A granted award never accepted returns all of it.
    JsonNode untouched = http.post("/api/awards/" + awards.get(1) + "/revoke", null).json();
    assertThat(untouched.path("returnedPence").asLong()).isEqualTo(33_333_33);
    assertThat(fundView().path("remainingPence").asLong()).isEqualTo(20_000_02 + 33_333_33);

    AwardRevoked event = (AwardRevoked) awaitEvents(award, 4).get(3);
    assertThat(event.paidPence()).isEqualTo(13_333_33);
    assertThat(event.returnedPence()).isEqualTo(20_000_00);
    assertThat(event.reason()).isEqualTo("Company dissolved");
    assertProblem(
        http.post("/api/awards/" + award + "/revoke", Map.of("reason", " ")), 400, "validation");
  }

  @Test
  void awardsAreListedByRoundInRankOrderPagedAndFiltered() {
    List<String> awards = grantedAwards(30_000, 3);
    accept(http, awards.get(1));

    JsonNode page = http.get("/api/awards?roundId=" + roundId + "&size=2").json();
    assertThat(page.path("totalElements").asLong()).isEqualTo(3);
    assertThat(page.path("content").findValuesAsString("id"))
        .containsExactly(awards.get(0), awards.get(1));
    assertThat(page.path("content").get(0).path("rank").asInt()).isEqualTo(1);
    JsonNode second = http.get("/api/awards?roundId=" + roundId + "&size=2&page=1").json();
    assertThat(second.path("content").findValuesAsString("id")).containsExactly(awards.get(2));
    JsonNode accepted = http.get("/api/awards?roundId=" + roundId + "&status=ACCEPTED").json();
    assertThat(accepted.path("content").findValuesAsString("id")).containsExactly(awards.get(1));
    String sme = page.path("content").get(0).path("smeId").asString();
    assertThat(http.get("/api/awards?smeId=" + sme).json().path("content").findValuesAsString("id"))
        .containsExactly(awards.get(0));

    assertProblem(http.get("/api/awards?size=101"), 400, "validation");
    assertProblem(http.get("/api/awards?status=PAID"), 400, "validation");
    assertProblem(http.get("/api/awards/" + UUID.randomUUID()), 404, "not-found");
    assertProblem(
        http.as(TestTokens.sme(UUID.randomUUID()))
            .post("/api/awards/" + UUID.randomUUID() + "/accept", null),
        404,
        "not-found");
    assertProblem(http.get("/api/awards/not-a-uuid"), 400, "validation");
  }

  /** Configures an EQUAL_SPLIT fund, concludes judging and returns the award ids in rank order. */
  private List<String> grantedAwards(long budget, int winners) {
    assertThat(configure(http, roundId, fund(budget, winners, "EQUAL_SPLIT")).status())
        .isEqualTo(201);
    List<org.wyp.events.judging.JudgingConcluded.RankedPitch> ranking = new ArrayList<>();
    for (int rank = 1; rank <= winners; rank++) {
      ranking.add(ranked(rank, 0));
    }
    sender.send(finals(roundId, ranking));
    await()
        .untilAsserted(
            () ->
                assertThat(
                        http.get("/api/awards?roundId=" + roundId)
                            .json()
                            .path("totalElements")
                            .asLong())
                    .isEqualTo(winners));
    return http.get("/api/awards?roundId=" + roundId)
        .json()
        .path("content")
        .findValuesAsString("id");
  }

  private JsonNode fundView() {
    return http.get("/api/funds/" + roundId).json();
  }

  private List<AwardEvent> awaitEvents(String awardId, int count) {
    await().untilAsserted(() -> assertThat(eventsOf(awardId)).hasSizeGreaterThanOrEqualTo(count));
    return eventsOf(awardId);
  }

  private List<AwardEvent> eventsOf(String awardId) {
    List<AwardEvent> events = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : awardsTopic.poll()) {
      if (!awardId.equals(record.key())) {
        continue;
      }
      String type = TopicReader.header(record, "ce_type");
      Class<? extends AwardEvent> javaType =
          switch (type) {
            case "wyp.award.AwardGranted.v1" -> AwardGranted.class;
            case "wyp.award.AwardAccepted.v1" -> AwardAccepted.class;
            case "wyp.award.TrancheReleased.v1" -> TrancheReleased.class;
            case "wyp.award.AwardCompleted.v1" -> AwardCompleted.class;
            case "wyp.award.AwardRevoked.v1" -> AwardRevoked.class;
            default -> throw new AssertionError("unexpected " + type);
          };
      events.add(AwardFixtures.decode(record, javaType));
    }
    return events;
  }
}
