package org.wyp.awardservice.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.awardservice.AwardFixtures.awardEvents;
import static org.wyp.awardservice.AwardFixtures.configure;
import static org.wyp.awardservice.AwardFixtures.finals;
import static org.wyp.awardservice.AwardFixtures.fund;
import static org.wyp.awardservice.AwardFixtures.ranked;
import static org.wyp.awardservice.AwardFixtures.with;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.TopicReader.header;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.wyp.awardservice.AwardFixtures;
import org.wyp.awardservice.LedgerInvariants;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.FundConfigured;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.events.judging.Stage;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.ConsumerGroupReplay;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Judging's conclusion, sent on the real broker as judging-service sends it, allocates the round's
 * fund by its policy exactly once, however often and in whatever order it arrives.
 */
@ServiceIntegrationTest
class FundAllocationTest {

  private static final String GROUP = "award-service";
  private static final String GRANTED = "wyp.award.AwardGranted.v1";

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;
  @Autowired KafkaListenerEndpointRegistry listeners;

  Http http;
  RecordSender sender;
  TopicReader awards;
  UUID roundId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    awards = new TopicReader(Brokers.of(kafka), Topics.AWARDS);
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    LedgerInvariants.assertEveryFundBalances(mongo);
    awards.close();
    sender.close();
  }

  @Test
  void aConclusionGrantsTheTopRankedPitchesTheirSharesWithinTheBudget() {
    assertThat(configure(http, roundId, fund(100_000_01, 3, "EQUAL_SPLIT")).status())
        .isEqualTo(201);
    RankedPitch first = ranked(1, 40_000_00);
    RankedPitch second = ranked(2, 40_000_00);
    RankedPitch third = ranked(3, 40_000_00);
    RankedPitch fourth = ranked(4, 40_000_00);
    RankedPitch unranked = ranked(null, 40_000_00);

    sender.send(finals(roundId, List.of(unranked, fourth, third, second, first)));

    List<AwardGranted> granted = awaitGranted(3);
    assertThat(granted)
        .extracting(AwardGranted::submissionId)
        .containsExactlyInAnyOrder(first.pitchId(), second.pitchId(), third.pitchId());
    assertThat(granted).allSatisfy(award -> assertThat(award.amountPence()).isEqualTo(33_333_33));
    assertThat(granted.stream().mapToLong(AwardGranted::amountPence).sum())
        .isLessThanOrEqualTo(100_000_01);
    AwardGranted top =
        granted.stream().filter(a -> a.submissionId().equals(first.pitchId())).findFirst().get();
    assertThat(top.rank()).isEqualTo(1);
    assertThat(top.version()).isEqualTo(1);
    assertThat(top.problemId()).isEqualTo(first.problemId());
    assertThat(top.smeId()).isEqualTo(first.smeId());
    assertThat(top.awardId()).isEqualTo(Fund.awardIdFor(roundId, first.pitchId()));
    assertThat(top.tranches())
        .containsExactly(
            new AwardGranted.Tranche(1, "On acceptance", 40, 13_333_33),
            new AwardGranted.Tranche(2, "Final milestone", 60, 20_000_00));
    ConsumerRecord<String, byte[]> record =
        awards.matching(TopicReader.withSubject(top.awardId().toString())).getFirst();
    assertThat(header(record, "ce_source")).isEqualTo("/wyp/award-service");
    assertThat(header(record, "ce_type")).isEqualTo(GRANTED);

    JsonNode view = http.get("/api/funds/" + roundId).json();
    assertThat(view.path("status").asString()).isEqualTo("ALLOCATED");
    assertThat(view.path("budgetPence").asLong()).isEqualTo(100_000_01);
    assertThat(view.path("allocatedPence").asLong()).isEqualTo(99_999_99);
    assertThat(view.path("paidPence").asLong()).isZero();
    assertThat(view.path("remainingPence").asLong()).isEqualTo(2);
    assertThat(view.path("roundingRemainderPence").asLong()).isEqualTo(2);
    assertThat(view.path("ledger").size()).isEqualTo(4);
    assertThat(view.path("ledger").get(0).path("kind").asString()).isEqualTo("BUDGET_SET");
  }

  @Test
  void aConclusionDeliveredAgainOrReplayedGrantsNothingMore() {
    configure(http, roundId, fund(90_000_00, 2, "EQUAL_SPLIT"));
    JudgingConcluded concluded = finals(roundId, List.of(ranked(1, 0), ranked(2, 0), ranked(3, 0)));

    EventEnvelope first = sender.send(concluded);
    sender.send(first);
    sender.send(concluded);
    sender.awaitConsumed(GROUP, Topics.JUDGING);
    awaitGranted(2);
    ConsumerGroupReplay.replay(
        listeners, Brokers.of(kafka), GROUP, List.of(Topics.JUDGING), () -> {});
    sender.awaitConsumed(GROUP, Topics.JUDGING);

    awards.readToEnd();
    assertThat(awardEvents(awards, GRANTED, AwardGranted.class, roundId)).hasSize(2);
    JsonNode fund = http.get("/api/funds/" + roundId).json();
    assertThat(fund.path("awardCount").asInt()).isEqualTo(2);
    assertThat(fund.path("allocatedPence").asLong()).isEqualTo(90_000_00);
    assertThat(fund.path("allocatedFromEventId").asString()).isEqualTo(first.id().toString());
    assertThat(http.get("/api/awards?roundId=" + roundId).json().path("totalElements").asLong())
        .isEqualTo(2);
    // Recognised as duplicates, not merely stopped by the ledger refusing to overspend.
    try (TopicReader deadLetters =
        new TopicReader(Brokers.of(kafka), Topics.deadLetterOf(Topics.JUDGING))) {
      assertThat(deadLetters.readToEnd()).noneMatch(r -> roundId.toString().equals(r.key()));
    }
  }

  @Test
  void aConclusionBeforeTheFundIsHeldAndAllocatedWhenTheFundIsConfigured() {
    RankedPitch first = ranked(1, 0);
    RankedPitch second = ranked(2, 0);
    EventEnvelope concluded = sender.send(finals(roundId, List.of(first, second)));
    sender.awaitConsumed(GROUP, Topics.JUDGING);

    assertProblem(http.get("/api/funds/" + roundId), 404, "not-found");
    assertThat(mongo.findById(roundId.toString(), Fund.class, Funds.COLLECTION).status())
        .isEqualTo(FundStatus.AWAITING_TERMS);

    Map<String, Object> terms =
        with(fund(10_000, 2, "RANK_WEIGHTED"), "rankWeights", List.of(3, 1));
    Http.Response configured = configure(http, roundId, terms);

    assertThat(configured.status()).as(configured.toString()).isEqualTo(201);
    assertThat(configured.header("Location")).isEqualTo("/api/funds/" + roundId);
    assertThat(configured.json().path("status").asString()).isEqualTo("ALLOCATED");
    assertThat(configured.json().path("allocatedFromEventId").asString())
        .isEqualTo(concluded.id().toString());
    List<AwardGranted> granted = awaitGranted(2);
    assertThat(granted)
        .extracting(AwardGranted::submissionId, AwardGranted::amountPence)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(first.pitchId(), 7_500L),
            org.assertj.core.groups.Tuple.tuple(second.pitchId(), 2_500L));
    List<FundConfigured> fundEvents = fundConfigured();
    assertThat(fundEvents).hasSize(1);
    assertThat(fundEvents.getFirst().rankWeights()).containsExactly(3, 1);

    // The held conclusion delivered again after allocation changes nothing.
    sender.send(concluded);
    sender.awaitConsumed(GROUP, Topics.JUDGING);
    awards.readToEnd();
    assertThat(awardEvents(awards, GRANTED, AwardGranted.class, roundId)).hasSize(2);
  }

  @Test
  void theFundCanChangeUntilJudgingConcludesAndNotAfter() {
    assertThat(configure(http, roundId, fund(50_000_00, 2, "EQUAL_SPLIT")).status()).isEqualTo(201);
    Http.Response same = configure(http, roundId, fund(50_000_00, 2, "EQUAL_SPLIT"));
    assertThat(same.status()).isEqualTo(200);
    Http.Response changed =
        configure(
            http, roundId, with(fund(30_000_00, 2, "REQUESTED_CAPPED"), "capPence", 20_000_00));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().path("budgetPence").asLong()).isEqualTo(30_000_00);
    assertThat(changed.json().path("remainingPence").asLong()).isEqualTo(30_000_00);
    assertThat(changed.json().path("ledger").findValuesAsString("kind"))
        .containsExactly("BUDGET_SET", "BUDGET_CHANGED");
    assertProblem(
        http.put(
            "/api/funds/" + roundId, fund(1_000, 1, "EQUAL_SPLIT"), Map.of("If-Match", "\"1\"")),
        412,
        "precondition-failed");

    RankedPitch first = ranked(1, 25_000_00);
    RankedPitch second = ranked(2, 25_000_00);
    sender.send(finals(roundId, List.of(first, second)));
    List<AwardGranted> granted = awaitGranted(2);
    assertThat(granted)
        .extracting(AwardGranted::amountPence)
        .containsExactlyInAnyOrder(20_000_00L, 10_000_00L);

    Http.Response late = configure(http, roundId, fund(80_000_00, 2, "EQUAL_SPLIT"));
    assertProblem(late, 409, "fund-locked");
    String current = http.get("/api/funds/" + roundId).header("ETag");
    assertProblem(
        http.put(
            "/api/funds/" + roundId, fund(1_000, 1, "EQUAL_SPLIT"), Map.of("If-Match", current)),
        409,
        "fund-locked");
    JsonNode fund = http.get("/api/funds/" + roundId).json();
    assertThat(fund.path("budgetPence").asLong()).isEqualTo(30_000_00);
    assertThat(fund.path("remainingPence").asLong()).isZero();
    assertThat(fundConfigured())
        .extracting(FundConfigured::budgetPence)
        .containsExactly(50_000_00L, 30_000_00L);
  }

  @Test
  void aScreeningConclusionAllocatesNothingAndAPoisonedOneGoesToTheDeadLetterTopic() {
    configure(http, roundId, fund(10_000, 1, "EQUAL_SPLIT"));
    sender.send(
        new JudgingConcluded(roundId, 5, Stage.SCREENING, List.of(ranked(1, 0)), "ab", null));
    RankedPitch noSme =
        new RankedPitch(UUID.randomUUID(), UUID.randomUUID(), null, 1, 80, null, 3, 80, 0);
    sender.send(finals(roundId, List.of(noSme)));
    RankedPitch winner = ranked(1, 0);
    sender.send(finals(roundId, List.of(winner)));

    assertThat(awaitGranted(1).getFirst().submissionId()).isEqualTo(winner.pitchId());
    try (TopicReader deadLetters =
        new TopicReader(Brokers.of(kafka), Topics.deadLetterOf(Topics.JUDGING))) {
      List<ConsumerRecord<String, byte[]>> dead =
          deadLetters.awaitAny(r -> roundId.toString().equals(r.key()));
      assertThat(dead).hasSize(1);
      assertThat(header(dead.getFirst(), "kafka_dlt-exception-cause-fqcn"))
          .isEqualTo("org.wyp.kit.kafka.PoisonEventException");
    }
  }

  private List<AwardGranted> awaitGranted(int count) {
    await()
        .untilAsserted(
            () -> {
              awards.poll();
              assertThat(awardEvents(awards, GRANTED, AwardGranted.class, roundId))
                  .hasSizeGreaterThanOrEqualTo(count);
            });
    return awardEvents(awards, GRANTED, AwardGranted.class, roundId);
  }

  private List<FundConfigured> fundConfigured() {
    return awards.readToEnd().stream()
        .filter(TopicReader.ofType("wyp.fund.FundConfigured.v1"))
        .filter(r -> roundId.toString().equals(r.key()))
        .map(r -> AwardFixtures.decode(r, FundConfigured.class))
        .toList();
  }
}
