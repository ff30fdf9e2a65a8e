package org.wyp.awardservice.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
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
import org.wyp.awardservice.AwardFixtures;
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.BadInput;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A generated corpus of malformed requests to every write endpoint of award-service (see {@link
 * BadInput}), each sent by a caller allowed to make it (an organiser, or the awarded SME), on
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
  UUID sme;
  UUID fundRound;
  String toAccept;
  String toRelease;
  String toRevoke;

  /**
   * A round whose fund is configured and open, and a concluded round whose three awards went to one
   * SME: one to accept, one accepted (to release a tranche of), one to revoke.
   */
  @BeforeAll
  void fixtures() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    Http organiser = http.as(TestTokens.organiser());
    sme = UUID.randomUUID();

    fundRound = UUID.randomUUID();
    assertThat(AwardFixtures.configure(organiser, fundRound, equalSplit()).status()).isEqualTo(201);

    UUID awardRound = UUID.randomUUID();
    assertThat(AwardFixtures.configure(organiser, awardRound, equalSplit()).status())
        .isEqualTo(201);
    List<RankedPitch> ranking = new ArrayList<>();
    for (int rank = 1; rank <= 3; rank++) {
      ranking.add(
          new RankedPitch(
              UUID.randomUUID(), UUID.randomUUID(), sme, rank, 90.0 - rank, null, 3, 70.0, 0));
    }
    sender.send(AwardFixtures.finals(awardRound, ranking));
    String list = "/api/awards?roundId=" + awardRound;
    await()
        .untilAsserted(
            () ->
                assertThat(organiser.get(list).json().path("totalElements").asInt()).isEqualTo(3));
    List<String> awards = new ArrayList<>();
    for (JsonNode award : organiser.get(list).json().path("content")) {
      awards.add(award.path("id").asString());
    }
    toAccept = awards.get(0);
    toRelease = awards.get(1);
    toRevoke = awards.get(2);
    assertThat(AwardFixtures.accept(organiser, toRelease).status()).isEqualTo(200);
  }

  @AfterAll
  void closeSender() {
    sender.close();
  }

  List<BadInput.Endpoint> endpoints() {
    Supplier<String> organiser = BadInput.tokens("ORGANISER", Map.of());
    Supplier<String> awardedSme = BadInput.tokens("SME", Map.of("sme_id", sme.toString()));
    Map<String, Object> rankWeighted = equalSplit();
    rankWeighted.put("maxAwards", 2);
    rankWeighted.put("policy", "RANK_WEIGHTED");
    rankWeighted.put("rankWeights", List.of(2, 1));
    Map<String, Object> capped = equalSplit();
    capped.put("policy", "REQUESTED_CAPPED");
    capped.put("capPence", 100_000L);
    return List.of(
        fund(equalSplit()),
        fund(rankWeighted),
        fund(capped),
        BadInput.endpoint("POST", "/api/awards/{id}/accept").as(awardedSme).path("id", toAccept),
        BadInput.endpoint("POST", "/api/awards/{id}/tranches/{number}/release")
            .as(organiser)
            .path("id", toRelease)
            .path("number", 1),
        BadInput.endpoint("POST", "/api/awards/{id}/revoke")
            .as(organiser)
            .path("id", toRevoke)
            .bodyOptional()
            .body(Map.of("reason", "Milestones missed")));
  }

  private BadInput.Endpoint fund(Map<String, Object> terms) {
    return BadInput.endpoint("PUT", "/api/funds/{roundId}")
        .as(BadInput.tokens("ORGANISER", Map.of()))
        .path("roundId", fundRound)
        // Configuring a fund for a round not seen yet is how a round's fund begins.
        .anyIdInPath("roundId")
        .optionalHeader(
            "If-Match",
            "garbage",
            "\"abc\"",
            "W/\"x\"",
            "\"99999999999999999999\"",
            "\"999\"",
            "\"../../etc/passwd\"")
        .body(terms)
        .enumeration("policy")
        .positive("budgetPence", "capPence", "rankWeights[]", "tranches[].percent")
        .range("budgetPence", 1, 100_000_000_000L)
        .range("capPence", 1, 100_000_000_000L)
        .range("maxAwards", 1, 100)
        .range("rankWeights[]", 1, 10_000)
        .range("tranches[].percent", 1, 100);
  }

  private static Map<String, Object> equalSplit() {
    return new LinkedHashMap<>(AwardFixtures.fund(300_000, 3, "EQUAL_SPLIT"));
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
