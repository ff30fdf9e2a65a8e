package org.wyp.problemservice.badinput;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.problemservice.ApiSupport;
import org.wyp.problemservice.Fixtures;

/**
 * A generated corpus of malformed requests to every write endpoint of problem-service (see {@link
 * BadInput}), each sent by a caller allowed to call the endpoint, on an existing object: every one
 * is refused with a 4xx problem, and nothing is stored or published for any of them. Afterwards the
 * valid request each corpus was derived from succeeds, so the refusals were the mutations' doing.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  static final String OTHER_ORGANISATION = "Liverpool City Council";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;
  @Autowired KafkaProperties kafka;

  Http http;
  String round;
  String toOpen;
  String toClose;
  String toArchive;
  String toEdit;
  String toPublish;
  String toClose2;
  String toWithdraw;
  String toEndorse;

  @BeforeAll
  void fixtures() {
    http = Http.localhost(port);
    round = ApiSupport.openRound(http);
    toOpen = ApiSupport.announcedRound(http);
    toClose = ApiSupport.openRound(http);
    toArchive = ApiSupport.announcedRound(http);
    toEdit = ApiSupport.draft(http, problem("To edit"));
    toPublish = ApiSupport.draft(http, problem("To publish"));
    toClose2 = ApiSupport.published(http, problem("To close"));
    toWithdraw = ApiSupport.published(http, problem("To withdraw"));
    toEndorse = ApiSupport.published(http, problem("To endorse"));
  }

  List<BadInput.Endpoint> endpoints() {
    Supplier<String> organiser = BadInput.tokens("ORGANISER", Map.of());
    Supplier<String> owner =
        BadInput.tokens("PROBLEM_OWNER", Map.of("organisation", Fixtures.OWNER));
    Supplier<String> otherOwner =
        BadInput.tokens("PROBLEM_OWNER", Map.of("organisation", OTHER_ORGANISATION));
    Map<String, Object> round = Fixtures.round("Bad input round");
    round.put("eligiblePostcodeAreas", List.of("L", "CH"));
    return List.of(
        BadInput.endpoint("POST", "/api/rounds")
            .as(organiser)
            .body(round)
            .optional("eligiblePostcodeAreas")
            .formatted("eligiblePostcodeAreas[]"),
        BadInput.endpoint("POST", "/api/rounds/{id}/open").as(organiser).path("id", toOpen),
        BadInput.endpoint("POST", "/api/rounds/{id}/close-submissions")
            .as(organiser)
            .path("id", toClose),
        BadInput.endpoint("POST", "/api/rounds/{id}/archive").as(organiser).path("id", toArchive),
        problemBody(BadInput.endpoint("POST", "/api/problems").as(owner)),
        problemBody(
            BadInput.endpoint("PUT", "/api/problems/{id}")
                .as(owner)
                .path("id", toEdit)
                .requiredHeader(
                    "If-Match",
                    "*",
                    "garbage",
                    "\"abc\"",
                    "W/\"x\"",
                    "\"\"",
                    "\"99999999999999999999\"",
                    "\"-1\"",
                    "\"999\"",
                    "\"1\", \"2\"",
                    "\"../../etc/passwd\"",
                    "<script>alert(1)</script>")),
        BadInput.endpoint("POST", "/api/problems/{id}/publish").as(organiser).path("id", toPublish),
        BadInput.endpoint("POST", "/api/problems/{id}/close").as(organiser).path("id", toClose2),
        BadInput.endpoint("POST", "/api/problems/{id}/withdraw")
            .as(organiser)
            .path("id", toWithdraw),
        BadInput.endpoint("POST", "/api/problems/{id}/endorsements")
            .as(otherOwner)
            .path("id", toEndorse)
            .body(Map.of("organisation", OTHER_ORGANISATION, "note", "We see this too"))
            .optional("organisation", "note")
            // The organisation must be the caller's own: any other text is refused.
            .formatted("organisation"));
  }

  private BadInput.Endpoint problemBody(BadInput.Endpoint endpoint) {
    return endpoint
        .body(problem("Bad input problem"))
        .optional("evidence", "datasets")
        // A slug, and an organisation that must be the caller's own.
        .formatted("theme", "ownerOrganisation", "datasets[].url")
        .enumeration("datasets[].accessLevel");
  }

  private Map<String, Object> problem(String title) {
    return Fixtures.problem(round, title);
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
