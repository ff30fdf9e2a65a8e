package org.wyp.submissionservice.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.ProblemAssertions.errorFields;
import static org.wyp.kit.testing.ProblemAssertions.errorMessage;
import static org.wyp.submissionservice.sme.SmeFixtures.asNewSme;
import static org.wyp.submissionservice.sme.SmeFixtures.sme;
import static org.wyp.submissionservice.sme.SmeFixtures.storedNamed;
import static org.wyp.submissionservice.sme.SmeFixtures.storedWithNumber;
import static org.wyp.submissionservice.sme.SmeFixtures.uniqueCompanyNumber;
import static org.wyp.submissionservice.sme.SmeFixtures.uniqueName;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ProblemAssertions;
import org.wyp.kit.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Every way a registration can be wrong is a 400 problem naming the field, and stores nothing.
 * Values of the wrong JSON type are refused while reading ({@code malformed-request}), the rest by
 * validation ({@code validation}); both name the field.
 */
@ServiceIntegrationTest
class SmeValidationTest {

  /** Marks a field to leave out of the body rather than send. */
  static final Object ABSENT = new Object();

  @LocalServerPort int port;

  @Autowired MongoTemplate mongo;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
  }

  static Stream<Arguments> invalidValues() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "companyName", ABSENT, null, "", "   ", "n".repeat(201), 42, List.of("x"));
    add(
        cases,
        "companyNumber",
        ABSENT,
        null,
        "",
        "1234567",
        "123456789",
        "SC12345",
        "SC1234567",
        "S1234567",
        "SCO12345",
        "SC 123456",
        "SC-12345",
        "１２３４５６７８",
        12345678,
        Map.of("$gt", ""));
    add(
        cases,
        "employees",
        ABSENT,
        null,
        -1,
        10_000_001,
        "12",
        1.5,
        12.0,
        true,
        3_000_000_000L,
        Map.of("$gt", 0));
    add(
        cases,
        "turnoverPence",
        ABSENT,
        null,
        -1,
        Long.MIN_VALUE,
        "100",
        1.5,
        false,
        new BigInteger("99999999999999999999"),
        List.of(1));
    add(
        cases,
        "postcode",
        ABSENT,
        null,
        "",
        "L1",
        "L1 8J",
        "12345",
        "Q1 1AA",
        "L1 1CI",
        "L1-8JQ",
        "not a postcode",
        "L1 8JQ".repeat(5),
        Map.of("$regex", ".*"));
    add(cases, "contactName", ABSENT, null, "", "  ", "c".repeat(201));
    add(
        cases,
        "contactEmail",
        ABSENT,
        null,
        "",
        "   ",
        "not-an-email",
        "aisha@localhost",
        "aisha okafor@example.org",
        "@example.org",
        "aisha@",
        // 262 characters, every label within DNS limits: too long for an address (254)
        "a".repeat(64) + "@" + (("b".repeat(63) + ".").repeat(3)) + "co.uk");
    add(
        cases,
        "website",
        "ftp://example.org",
        "example.org",
        "javascript:alert(1)",
        "https://",
        "https:// example.org",
        "https://example.org/" + "a".repeat(1981),
        true);
    return cases.stream();
  }

  private static void add(List<Arguments> cases, String field, Object... values) {
    Arrays.stream(values).forEach(value -> cases.add(Arguments.of(field, value)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("invalidValues")
  void anInvalidFieldIsRefusedByNameAndNothingIsStored(String field, Object value) {
    String name = uniqueName();
    String number = uniqueCompanyNumber();
    Map<String, Object> request = sme(name, number);
    if (value == ABSENT) {
      request.remove(field);
    } else {
      request.put(field, value);
    }

    Http.Response response = asNewSme(http).post("/api/smes", request);

    JsonNode problem = assertProblem(response, 400, null);
    assertThat(problem.path("type").asString())
        .isIn("/problems/validation", "/problems/malformed-request");
    assertThat(errorFields(problem)).as(response.toString()).containsExactly(field);
    assertThat(storedNamed(mongo, name)).isZero();
    assertThat(storedWithNumber(mongo, number)).isZero();
  }

  @Test
  void aTooLongCompanyNameStoresNothing() {
    long before = mongo.count(new Query(), Smes.COLLECTION);
    Map<String, Object> request = sme("n".repeat(201), uniqueCompanyNumber());
    JsonNode problem = assertProblem(asNewSme(http).post("/api/smes", request), 400, "validation");
    assertThat(errorMessage(problem, "companyName")).contains("200");
    assertThat(storedNamed(mongo, "n".repeat(201))).isZero();
    assertThat(mongo.count(new Query(), Smes.COLLECTION)).isEqualTo(before);
  }

  @Test
  void valuesAtTheirLimitsAreAccepted() {
    Map<String, Object> request = sme("n".repeat(199) + "x", uniqueCompanyNumber());
    request.put("employees", 10_000_000);
    request.put("turnoverPence", Long.MAX_VALUE);
    request.put("contactName", "c".repeat(200));
    request.put("contactEmail", "a".repeat(64) + "@" + "b".repeat(63) + ".example.co.uk");
    request.put("website", "https://example.org/" + "a".repeat(1980));
    Http.Response created = asNewSme(http).post("/api/smes", request);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("eligible").asBoolean()).isFalse();

    Map<String, Object> zero = sme();
    zero.put("employees", 0);
    zero.put("turnoverPence", 0);
    Http.Response none = asNewSme(http).post("/api/smes", zero);
    assertThat(none.status()).as(none.toString()).isEqualTo(201);
    assertThat(none.json().path("eligible").asBoolean()).isTrue();
  }

  @Test
  void everyMissingRequiredFieldIsReportedAtOnce() {
    long before = mongo.count(new Query(), Smes.COLLECTION);
    JsonNode problem = assertProblem(asNewSme(http).post("/api/smes", Map.of()), 400, "validation");
    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder(
            "companyName",
            "companyNumber",
            "employees",
            "turnoverPence",
            "postcode",
            "contactName",
            "contactEmail");
    assertThat(problem.path("detail").asString()).contains("7");
    assertThat(mongo.count(new Query(), Smes.COLLECTION)).isEqualTo(before);
  }

  @Test
  void messagesSayWhatIsExpected() {
    Map<String, Object> request = sme();
    request.put("companyNumber", "ABC123");
    request.put("postcode", "L1");
    request.put("contactEmail", "nobody");
    request.put("website", "example.org");
    JsonNode problem = assertProblem(asNewSme(http).post("/api/smes", request), 400, "validation");
    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder("companyNumber", "postcode", "contactEmail", "website");
    assertThat(errorMessage(problem, "companyNumber")).contains("8").contains("SC123456");
    assertThat(errorMessage(problem, "postcode")).contains("UK postcode");
    assertThat(errorMessage(problem, "contactEmail")).contains("email");
    assertThat(errorMessage(problem, "website")).contains("URL");
  }

  @Test
  void anUnknownFieldIsRefusedByName() {
    String name = uniqueName();
    Map<String, Object> request = sme(name, uniqueCompanyNumber());
    request.put("eligible", true);
    JsonNode problem =
        assertProblem(asNewSme(http).post("/api/smes", request), 400, "malformed-request");
    assertThat(errorFields(problem)).containsExactly("eligible");
    assertThat(storedNamed(mongo, name)).isZero();
  }

  @Test
  void malformedBodiesAreRefusedWithoutAServerError() {
    long before = mongo.count(new Query(), Smes.COLLECTION);
    List<Http.Response> responses = new ArrayList<>();
    responses.add(asNewSme(http).post("/api/smes", "{\"companyName\": "));
    responses.add(asNewSme(http).post("/api/smes", "null"));
    responses.add(asNewSme(http).post("/api/smes", "[]"));
    responses.add(asNewSme(http).post("/api/smes", "\"just a string\""));
    responses.add(asNewSme(http).post("/api/smes", "{\"employees\": {\"$gt\": 0}}"));
    responses.add(
        asNewSme(http).send("POST", "/api/smes", null, Map.of("Content-Type", "application/json")));
    for (Http.Response response : responses) {
      assertThat(response.status()).as(response.toString()).isBetween(400, 499);
      assertThat(response.header("Content-Type")).startsWith(ProblemAssertions.PROBLEM_JSON);
    }
    assertProblem(
        asNewSme(http)
            .send("POST", "/api/smes", "companyName=x", Map.of("Content-Type", "text/plain")),
        415,
        null);
    assertThat(mongo.count(new Query(), Smes.COLLECTION)).isEqualTo(before);
  }
}
