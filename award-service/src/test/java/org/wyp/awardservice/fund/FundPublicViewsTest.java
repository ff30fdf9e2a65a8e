package org.wyp.awardservice.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.awardservice.AwardFixtures.configure;
import static org.wyp.awardservice.AwardFixtures.finals;
import static org.wyp.awardservice.AwardFixtures.fund;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.events.submission.SmeRegistered;
import org.wyp.events.view.PublicAward;
import org.wyp.events.view.PublicFund;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;

/** The fund's figures and its awards as the public update topic shows them. */
@ServiceIntegrationTest
class FundPublicViewsTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired OutboxRelay relay;

  Http http;
  RecordSender sender;
  TopicReader updates;
  UUID roundId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    updates = new TopicReader(Brokers.of(kafka), Topics.UPDATES);
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    updates.close();
    sender.close();
  }

  @Test
  void theFundIsShownOnceConfiguredAndEachAwardWithItsCompanyUntilRevoked() {
    UUID winningSme = UUID.randomUUID();
    sender.send(
        new SmeRegistered(
            winningSme,
            1,
            "Breathe Sensors Ltd",
            "PF000001",
            12,
            1_000_000_00L,
            "L1",
            true,
            List.of(),
            Instant.now()));
    // The winner's registration must be known before the grant names it.
    sender.awaitConsumed("award-service", Topics.SUBMISSIONS);
    assertThat(configure(http, roundId, fund(90_000_00, 2, "EQUAL_SPLIT")).status()).isEqualTo(201);
    RankedPitch first =
        new RankedPitch(UUID.randomUUID(), UUID.randomUUID(), winningSme, 1, 80, null, 3, 80, 0);
    RankedPitch second =
        new RankedPitch(
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 2, 70, null, 3, 70, 0);
    sender.send(finals(roundId, List.of(first, second)));
    await()
        .until(
            () ->
                http.get("/api/awards?roundId=" + roundId).json().path("totalElements").asLong()
                    == 2);
    String firstAward =
        http.get("/api/awards?roundId=" + roundId)
            .json()
            .path("content")
            .get(0)
            .path("id")
            .asString();
    String secondAward =
        http.get("/api/awards?roundId=" + roundId)
            .json()
            .path("content")
            .get(1)
            .path("id")
            .asString();
    assertThat(http.post("/api/awards/" + secondAward + "/revoke", null).status()).isEqualTo(200);

    await().until(() -> relay.backlog() == 0);
    List<ConsumerRecord<String, byte[]>> fundViews = viewsOf("fund:" + roundId);
    PublicFund configured = EventCodec.viewFromJson(fundViews.getFirst().value(), PublicFund.class);
    assertThat(configured.status()).isEqualTo("OPEN");
    assertThat(configured.budgetPence()).isEqualTo(90_000_00);
    assertThat(configured.allocatedPence()).isZero();
    PublicFund latest = EventCodec.viewFromJson(fundViews.getLast().value(), PublicFund.class);
    assertThat(latest.status()).isEqualTo("ALLOCATED");
    assertThat(latest.awards()).isEqualTo(1);
    assertThat(latest.allocatedPence()).isEqualTo(45_000_00);
    assertThat(latest.remainingPence()).isEqualTo(45_000_00);

    PublicAward won =
        EventCodec.viewFromJson(
            viewsOf("award:" + firstAward).getLast().value(), PublicAward.class);
    assertThat(won.companyName()).isEqualTo("Breathe Sensors Ltd");
    assertThat(won.rank()).isEqualTo(1);
    assertThat(won.amountPence()).isEqualTo(45_000_00);
    assertThat(won.pitchId()).isEqualTo(first.pitchId());
    assertThat(won.status()).isEqualTo("GRANTED");
    assertThat(won.tranches()).isEqualTo(2);
    assertThat(won.tranchesReleased()).isZero();
    List<ConsumerRecord<String, byte[]>> revoked = viewsOf("award:" + secondAward);
    assertThat(revoked.getFirst().value()).isNotNull();
    assertThat(revoked.getLast().value()).as("a revoked award is removed").isNull();
  }

  private List<ConsumerRecord<String, byte[]>> viewsOf(String key) {
    return updates.readToEnd().stream().filter(r -> key.equals(r.key())).toList();
  }
}
