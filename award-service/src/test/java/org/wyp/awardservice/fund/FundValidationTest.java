package org.wyp.awardservice.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.awardservice.AwardFixtures.fund;
import static org.wyp.awardservice.AwardFixtures.with;
import static org.wyp.awardservice.AwardFixtures.without;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.ProblemAssertions.errorFields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Every way a fund's terms can be wrong is a 400 problem naming the field, and stores nothing. */
@ServiceIntegrationTest
class FundValidationTest {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.localhost(port).as(TestTokens.organiser());
  }

  static Stream<Arguments> invalidFunds() {
    Map<String, Object> equal = fund(90_000_00, 3, "EQUAL_SPLIT");
    Map<String, Object> weighted =
        with(fund(90_000_00, 3, "RANK_WEIGHTED"), "rankWeights", List.of(5, 3, 2));
    Map<String, Object> capped =
        with(fund(90_000_00, 3, "REQUESTED_CAPPED"), "capPence", 40_000_00);
    List<Arguments> cases = new ArrayList<>();
    add(
        cases,
        "budgetPence",
        without(equal, "budgetPence"),
        with(equal, "budgetPence", 0),
        with(equal, "budgetPence", -1),
        with(equal, "budgetPence", 100_000_000_001L));
    add(
        cases,
        "maxAwards",
        without(equal, "maxAwards"),
        with(equal, "maxAwards", 0),
        with(equal, "maxAwards", 101));
    add(cases, "policy", without(equal, "policy"));
    add(
        cases,
        "rankWeights",
        without(weighted, "rankWeights"),
        with(weighted, "rankWeights", List.of()),
        with(weighted, "rankWeights", List.of(5, 3)),
        with(equal, "rankWeights", List.of(1, 1, 1)));
    add(
        cases,
        "rankWeights[1]",
        with(weighted, "rankWeights", List.of(5, 0, 2)),
        with(weighted, "rankWeights", List.of(5, -3, 2)));
    add(
        cases,
        "capPence",
        without(capped, "capPence"),
        with(capped, "capPence", 0),
        with(equal, "capPence", 10_000));
    add(
        cases,
        "tranches",
        without(equal, "tranches"),
        with(equal, "tranches", List.of()),
        with(equal, "tranches", List.of(Map.of("label", "All", "percent", 90))),
        with(
            equal,
            "tranches",
            List.of(Map.of("label", "A", "percent", 60), Map.of("label", "B", "percent", 60))));
    add(
        cases,
        "tranches[0].percent",
        with(
            equal,
            "tranches",
            List.of(Map.of("label", "A", "percent", 0), Map.of("label", "B", "percent", 100))),
        with(
            equal,
            "tranches",
            List.of(Map.of("label", "A", "percent", -10), Map.of("label", "B", "percent", 110))));
    add(
        cases,
        "tranches[1].label",
        with(
            equal,
            "tranches",
            List.of(Map.of("label", "A", "percent", 40), Map.of("label", "  ", "percent", 60))),
        with(
            equal,
            "tranches",
            List.of(Map.of("label", "A", "percent", 40), Map.of("percent", 60))));
    return cases.stream();
  }

  @SafeVarargs
  private static void add(List<Arguments> cases, String field, Map<String, Object>... bodies) {
    Arrays.stream(bodies).forEach(body -> cases.add(Arguments.of(field, body)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalidFunds")
  void invalidTermsAreRefusedNamingTheField(String field, Map<String, Object> body) {
    UUID roundId = UUID.randomUUID();

    Http.Response response = http.put("/api/funds/" + roundId, body, Map.of());

    JsonNode problem = assertProblem(response, 400, "validation");
    assertThat(errorFields(problem)).contains(field);
    assertThat(mongo.findById(roundId.toString(), Fund.class, Funds.COLLECTION)).isNull();
  }

  @Test
  void malformedBodiesAreRefusedNamingTheField() {
    UUID roundId = UUID.randomUUID();
    Map<String, Object> equal = fund(90_000_00, 3, "EQUAL_SPLIT");

    assertThat(
            errorFields(
                assertProblem(
                    http.put("/api/funds/" + roundId, with(equal, "budgetPence", 1.5), Map.of()),
                    400,
                    "malformed-request")))
        .containsExactly("budgetPence");
    assertThat(
            errorFields(
                assertProblem(
                    http.put("/api/funds/" + roundId, with(equal, "policy", "LOTTERY"), Map.of()),
                    400,
                    "malformed-request")))
        .containsExactly("policy");
    assertThat(
            errorFields(
                assertProblem(
                    http.put("/api/funds/" + roundId, with(equal, "surplus", true), Map.of()),
                    400,
                    "malformed-request")))
        .containsExactly("surplus");
    assertProblem(
        http.put("/api/funds/" + roundId, "{\"budgetPence\":", Map.of()), 400, "malformed-request");
    assertProblem(http.put("/api/funds/not-a-round", equal, Map.of()), 400, "validation");
    assertProblem(http.get("/api/funds/" + roundId), 404, "not-found");
    assertThat(mongo.findById(roundId.toString(), Fund.class, Funds.COLLECTION)).isNull();
  }

  @Test
  void labelsAreStoredTrimmed() {
    UUID roundId = UUID.randomUUID();
    Map<String, Object> body =
        with(
            fund(10_000, 1, "EQUAL_SPLIT"),
            "tranches",
            List.of(Map.of("label", "  Kick-off ", "percent", 100)));

    Http.Response created = http.put("/api/funds/" + roundId, body, Map.of());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("tranches").get(0).path("label").asString())
        .isEqualTo("Kick-off");
  }
}
