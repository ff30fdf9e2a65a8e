package org.wyp.submissionservice.badinput;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.BadInput;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.submissionservice.ProgrammeSupport;

/**
 * A generated corpus of malformed requests to every write endpoint of submission-service (see
 * {@link BadInput}), each sent by the SME allowed to make it, on its own objects: every one is
 * refused with a 4xx problem, and nothing is stored or published for any of them. Afterwards the
 * valid request each corpus was derived from succeeds, so the refusals were the mutations' doing.
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
  UUID newSme;
  UUID sme;
  UUID freshProblem;
  UUID amendedProblem;
  String toAmend;
  String toWithdraw;

  /** An open round, three published problems, a registered SME with two pitches, a new SME. */
  @BeforeAll
  void fixtures() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    ProgrammeSupport programme = new ProgrammeSupport(http, sender, mongo);
    UUID round = programme.openRound();
    freshProblem = programme.publishedProblem(round);
    amendedProblem = programme.publishedProblem(round);
    UUID withdrawnProblem = programme.publishedProblem(round);
    sme = programme.registeredSme();
    newSme = UUID.randomUUID();
    toAmend = submitted(programme, amendedProblem);
    toWithdraw = submitted(programme, withdrawnProblem);
  }

  @AfterAll
  void closeSender() {
    sender.close();
  }

  private String submitted(ProgrammeSupport programme, UUID problem) {
    Http.Response created =
        programme.asSme(sme).post("/api/submissions", ProgrammeSupport.pitch(problem, sme, "Mine"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  List<BadInput.Endpoint> endpoints() {
    Supplier<String> newSmeUser = BadInput.tokens("SME", Map.of("sme_id", newSme.toString()));
    Supplier<String> smeUser = BadInput.tokens("SME", Map.of("sme_id", sme.toString()));
    return List.of(
        BadInput.endpoint("POST", "/api/smes")
            .as(newSmeUser)
            .body(registration())
            .optional("website")
            .formatted("companyNumber", "postcode", "contactEmail", "website")
            .range("employees", 0, 10_000_000),
        pitch(
            BadInput.endpoint("POST", "/api/submissions")
                .as(smeUser)
                .body(ProgrammeSupport.pitch(freshProblem, sme, "Bad input pitch"))
                .optionalHeader(
                    "Idempotency-Key",
                    "has spaces",
                    "k".repeat(101),
                    "../../etc/passwd",
                    "<script>alert(1)</script>",
                    "$where",
                    "{\"$gt\":\"\"}",
                    "a;b")),
        pitch(
            BadInput.endpoint("PUT", "/api/submissions/{id}")
                .as(smeUser)
                .path("id", toAmend)
                .body(ProgrammeSupport.pitch(amendedProblem, sme, "Amended pitch"))
                .requiredHeader(
                    "If-Match",
                    "*",
                    "garbage",
                    "\"abc\"",
                    "\"99999999999999999999\"",
                    "\"999\"",
                    "\"../../etc/passwd\"")),
        BadInput.endpoint("POST", "/api/submissions/{id}/withdraw")
            .as(smeUser)
            .path("id", toWithdraw));
  }

  private static BadInput.Endpoint pitch(BadInput.Endpoint endpoint) {
    return endpoint
        .optional("links")
        .formatted("links[]")
        .positive("requestedPence")
        .range("requestedPence", 1, 1_000_000_000L);
  }

  private static Map<String, Object> registration() {
    Map<String, Object> sme = new LinkedHashMap<>();
    sme.put("companyName", "Bad Input Sensors Ltd");
    sme.put("companyNumber", "BI000001");
    sme.put("employees", 12);
    sme.put("turnoverPence", 85_000_000L);
    sme.put("postcode", "L1 8JQ");
    sme.put("contactName", "Aisha Okafor");
    sme.put("contactEmail", "aisha@bad-input.example.co.uk");
    sme.put("website", "https://bad-input.example.co.uk");
    return sme;
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
