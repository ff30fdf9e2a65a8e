package org.wyp.awardservice.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.awardservice.AwardFixtures.accept;
import static org.wyp.awardservice.AwardFixtures.configure;
import static org.wyp.awardservice.AwardFixtures.finals;
import static org.wyp.awardservice.AwardFixtures.fund;
import static org.wyp.awardservice.AwardFixtures.ranked;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.awardservice.LedgerInvariants;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.PrometheusScrape;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * What Prometheus scrapes from award-service after a real allocation and payment: awards granted
 * per round and the round's fund from its ledger. The application context and database are shared
 * with other test classes, so every sample is picked out by a round of this test's own.
 */
@ServiceIntegrationTest
class FundMetricsTest {

  private static final String SERVICE = "award-service";
  private static final long BUDGET = 100_000_01;

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
  }

  @AfterEach
  void tearDown() {
    LedgerInvariants.assertEveryFundBalances(mongo);
    sender.close();
  }

  @Test
  void aConcludedRoundShowsItsAwardsAndTheFundFromItsLedgerAndAPaidTranche() {
    UUID roundId = UUID.randomUUID();
    Map<String, String> round = Map.of("service", SERVICE, "round", roundId.toString());
    assertThat(configure(http, roundId, fund(BUDGET, 2, "EQUAL_SPLIT")).status()).isEqualTo(201);

    sender.send(finals(roundId, List.of(ranked(1, 0), ranked(2, 0), ranked(3, 0))));

    await()
        .untilAsserted(
            () -> {
              PrometheusScrape scrape = PrometheusScrape.of(http.as(TestTokens.ops()));
              assertThat(scrape.value("wyp_awards_granted_total", round)).hasValue(2.0);
              assertThat(scrape.value("wyp_fund_budget_pence", round)).hasValue(BUDGET);
              assertThat(scrape.value("wyp_fund_allocated_pence", round)).hasValue(100_000_00);
              assertThat(scrape.value("wyp_fund_remaining_pence", round)).hasValue(1);
              assertThat(scrape.value("wyp_fund_paid_pence", round)).hasValue(0.0);
            });
    PrometheusScrape allocated = PrometheusScrape.of(http.as(TestTokens.ops()));
    assertThat(
            allocated.value("wyp_fund_allocated_pence", round).orElseThrow()
                + allocated.value("wyp_fund_remaining_pence", round).orElseThrow())
        .isEqualTo(BUDGET);

    JsonNode awards = http.get("/api/awards?roundId=" + roundId).json().path("content");
    assertThat(awards.size()).isEqualTo(2);
    String award = awards.get(0).path("id").asString();
    Http.Response accepted = accept(http, award);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    long trancheOne = accepted.json().path("tranches").get(0).path("amountPence").asLong();
    assertThat(trancheOne).isEqualTo(20_000_00);
    Http.Response released = http.post("/api/awards/" + award + "/tranches/1/release", null);
    assertThat(released.status()).as(released.toString()).isEqualTo(200);

    await()
        .untilAsserted(
            () -> {
              PrometheusScrape scrape = PrometheusScrape.of(http.as(TestTokens.ops()));
              assertThat(scrape.value("wyp_fund_paid_pence", round)).hasValue(trancheOne);
              assertThat(scrape.value("wyp_fund_budget_pence", round)).hasValue(BUDGET);
              assertThat(
                      scrape.value("wyp_fund_allocated_pence", round).orElseThrow()
                          + scrape.value("wyp_fund_remaining_pence", round).orElseThrow())
                  .isEqualTo(BUDGET);
              assertThat(scrape.value("wyp_awards_granted_total", round)).hasValue(2.0);
            });
  }
}
