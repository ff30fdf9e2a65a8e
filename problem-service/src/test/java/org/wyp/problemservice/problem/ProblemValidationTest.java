package org.wyp.problemservice.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.ProblemAssertions.assertValidationProblem;
import static org.wyp.kit.testing.ProblemAssertions.errorFields;
import static org.wyp.kit.testing.ProblemAssertions.errorMessage;
import static org.wyp.problemservice.ApiSupport.draft;
import static org.wyp.problemservice.ApiSupport.ifMatch;
import static org.wyp.problemservice.ApiSupport.openRound;
import static org.wyp.problemservice.ApiSupport.storedProblems;
import static org.wyp.problemservice.ApiSupport.storedProblemsTitled;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ProblemAssertions;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.problemservice.ApiSupport;
import org.wyp.problemservice.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way a problem request can be wrong answers a 400-family problem with field errors, never a
 * 500, and stores nothing; operator-looking text is stored as data.
 */
@ServiceIntegrationTest
class ProblemValidationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int LIMIT = 256 * 1024;

  @LocalServerPort int port;

  @Autowired MongoTemplate mongo;

  /** Anonymous: reads of published problems. */
  Http http;

  /** A problem owner of the organisation the fixtures name: drafts and edits. */
  Http owner;

  String roundId;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    owner = http.as(TestTokens.problemOwner(Fixtures.OWNER));
    roundId = openRound(http);
  }

  /** Set by a test that stores a problem on purpose. */
  boolean storesOnPurpose;

  @AfterEach
  void nothingRejectedWasStored() {
    // every test below only makes requests that must be refused, unless it says otherwise
    if (!storesOnPurpose) {
      assertThat(storedProblems(mongo, roundId)).as("problems stored in the round").isZero();
    }
  }

  @Test
  void everyMissingRequiredFieldIsReported() {
    JsonNode problem = assertProblem(owner.post("/api/problems", Map.of()), 400, "validation");
    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder(
            "roundId",
            "title",
            "summary",
            "description",
            "theme",
            "ownerOrganisation",
            "boroughs",
            "successMeasures");
    assertThat(problem.path("detail").asString()).contains("8");
    assertThat(storedProblemsTitled(mongo, null)).isZero();
  }

  @Test
  void blankAndEmptyRequiredFieldsAreReported() {
    Map<String, Object> request = Fixtures.problem(roundId, "  ");
    request.put("summary", "");
    request.put("boroughs", List.of());
    request.put("successMeasures", List.of(" "));
    assertThat(assertValidationProblem(owner.post("/api/problems", request)))
        .containsExactlyInAnyOrder("title", "summary", "boroughs", "successMeasures[0]");
  }

  @Test
  void optionalFieldsMayBeLeftOut() {
    Map<String, Object> request = Fixtures.problem(roundId, "Minimal");
    request.remove("evidence");
    request.remove("datasets");
    Http.Response created = owner.post("/api/problems", request);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("datasets").size()).isZero();
    storesOnPurpose = true;
  }

  @Test
  void aTooLongTitleIsRefused() {
    Http.Response atLimit = owner.post("/api/problems", Fixtures.problem(roundId, "t".repeat(150)));
    assertThat(atLimit.status()).as(atLimit.toString()).isEqualTo(201);
    storesOnPurpose = true;

    String tooLong = "t".repeat(151);
    JsonNode problem =
        assertProblem(
            owner.post("/api/problems", Fixtures.problem(roundId, tooLong)), 400, "validation");
    assertThat(errorFields(problem)).containsExactly("title");
    assertThat(errorMessage(problem, "title")).contains("150");
    assertThat(storedProblemsTitled(mongo, tooLong)).isZero();
    assertThat(storedProblems(mongo, roundId)).isEqualTo(1);
  }

  @Test
  void aBadThemeSlugIsRefused() {
    for (String theme : List.of("Health", "health care", "h", "-health", "{\"$gt\":\"\"}")) {
      Map<String, Object> request = Fixtures.problem(roundId, "Bad theme " + theme);
      request.put("theme", theme);
      JsonNode problem = assertProblem(owner.post("/api/problems", request), 400, "validation");
      assertThat(errorFields(problem)).as(theme).containsExactly("theme");
      assertThat(errorMessage(problem, "theme")).contains("slug");
    }
  }

  @Test
  void aDatasetWithABadUrlAndNoAccessLevelIsRefused() {
    Map<String, Object> request = Fixtures.problem(roundId, "Bad dataset");
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("name", "Housing survey");
    dataset.put("url", "javascript:alert(1)");
    request.put("datasets", List.of(dataset));

    JsonNode problem = assertProblem(owner.post("/api/problems", request), 400, "validation");

    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder("datasets[0].url", "datasets[0].accessLevel");
    assertThat(errorMessage(problem, "datasets[0].url")).contains("URL");
  }

  @Test
  void anUnknownAccessLevelIsRefused() {
    Map<String, Object> request = Fixtures.problem(roundId, "Bad access");
    request.put(
        "datasets",
        List.of(Map.of("name", "x", "url", "https://example.org/x", "accessLevel", "SECRET")));
    JsonNode problem =
        assertProblem(owner.post("/api/problems", request), 400, "malformed-request");
    assertThat(errorFields(problem)).containsExactly("datasets[0].accessLevel");
  }

  @Test
  void anUnknownFieldIsRefusedByName() {
    Map<String, Object> request = Fixtures.problem(roundId, "Extra field");
    request.put("budgetPence", 5);

    JsonNode problem =
        assertProblem(owner.post("/api/problems", request), 400, "malformed-request");

    assertThat(problem.path("detail").asString()).contains("budgetPence");
    assertThat(errorFields(problem)).containsExactly("budgetPence");
  }

  @Test
  void anUnknownNestedFieldIsRefusedByPath() {
    Map<String, Object> request = Fixtures.problem(roundId, "Extra nested field");
    request.put(
        "datasets",
        List.of(
            Map.of(
                "name",
                "x",
                "url",
                "https://example.org/x",
                "accessLevel",
                "OPEN",
                "licence",
                "OGL")));
    JsonNode problem =
        assertProblem(owner.post("/api/problems", request), 400, "malformed-request");
    assertThat(errorFields(problem)).containsExactly("datasets[0].licence");
  }

  @Test
  void malformedJsonIsRefused() {
    String json = JSON.writeValueAsString(Fixtures.problem(roundId, "Cut short"));
    String truncated = json.substring(0, json.length() / 2);
    JsonNode problem =
        assertProblem(owner.post("/api/problems", truncated), 400, "malformed-request");
    assertThat(problem.path("detail").asString()).doesNotContain("Cut short");

    assertProblem(
        owner.post("/api/problems", "{'title': 'single quotes'}"), 400, "malformed-request");
    assertProblem(owner.post("/api/problems", "[]"), 400, "malformed-request");
    assertProblem(owner.post("/api/problems", "not json at all"), 400, "malformed-request");
    assertProblem(
        owner.send("POST", "/api/problems", null, Map.of("Content-Type", "application/json")),
        400,
        "malformed-request");
  }

  @Test
  void aNumberAsTheTitleIsRefused() {
    Map<String, Object> request = Fixtures.problem(roundId, "placeholder");
    request.put("title", 42);
    JsonNode problem = assertProblem(owner.post("/api/problems", request), 400, null);
    assertThat(errorFields(problem)).containsExactly("title");
    assertThat(storedProblemsTitled(mongo, "42")).isZero();
  }

  @Test
  void aBooleanAsTheTitleIsRefused() {
    Map<String, Object> request = Fixtures.problem(roundId, "placeholder");
    request.put("title", true);
    JsonNode problem = assertProblem(owner.post("/api/problems", request), 400, null);
    assertThat(errorFields(problem)).containsExactly("title");
  }

  @Test
  void aStringAsTheBoroughsIsRefused() {
    Map<String, Object> request = Fixtures.problem(roundId, "Boroughs as text");
    request.put("boroughs", "Liverpool");
    JsonNode problem = assertProblem(owner.post("/api/problems", request), 400, null);
    assertThat(errorFields(problem)).containsExactly("boroughs");
  }

  @Test
  void aMalformedRoundIdIsRefused() {
    Map<String, Object> request = Fixtures.problem(roundId, "Bad round id");
    request.put("roundId", "round-one");
    JsonNode problem = assertProblem(owner.post("/api/problems", request), 400, null);
    assertThat(errorFields(problem)).containsExactly("roundId");
    assertThat(storedProblemsTitled(mongo, "Bad round id")).isZero();
  }

  @Test
  void anOperatorObjectAsTheTitleIsRefusedAndNothingStored() {
    String json =
        JSON.writeValueAsString(Fixtures.problem(roundId, "PLACEHOLDER"))
            .replace("\"PLACEHOLDER\"", "{\"$gt\": \"\"}");
    assertThat(json).contains("\"title\":{\"$gt\": \"\"}");

    JsonNode problem = assertProblem(owner.post("/api/problems", json), 400, null);

    assertThat(errorFields(problem)).containsExactly("title");
    assertThat(
            mongo.count(
                new Query(where("content.title").exists(true).and("roundId").is(roundId)),
                "problems"))
        .isZero();
  }

  @Test
  void operatorObjectsInOtherFieldsAreRefused() {
    Map<String, Object> ownerOperator = Fixtures.problem(roundId, "Owner operator");
    ownerOperator.put("ownerOrganisation", Map.of("$ne", ""));
    assertThat(errorFields(assertProblem(owner.post("/api/problems", ownerOperator), 400, null)))
        .containsExactly("ownerOrganisation");

    Map<String, Object> boroughs = Fixtures.problem(roundId, "Borough operator");
    boroughs.put("boroughs", List.of(Map.of("$regex", ".*")));
    assertThat(errorFields(assertProblem(owner.post("/api/problems", boroughs), 400, null)))
        .containsExactly("boroughs[0]");

    Map<String, Object> round = Fixtures.problem(roundId, "Round operator");
    round.put("roundId", Map.of("$gt", ""));
    assertThat(errorFields(assertProblem(owner.post("/api/problems", round), 400, null)))
        .containsExactly("roundId");
  }

  @Test
  void operatorLookingTextIsStoredVerbatimAsData() {
    String title = "{\"$gt\": \"\"}";
    Map<String, Object> request = Fixtures.problem(roundId, title);
    request.put("ownerOrganisation", "{\"$where\": \"sleep(1000)\"}");
    request.put("boroughs", List.of("$ne", "Liverpool"));
    request.put("evidence", "{\"$regex\": \".*\"}");
    storesOnPurpose = true;

    String id = ApiSupport.published(http, request);

    Http.Response fetched = http.get("/api/problems/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.text("title")).isEqualTo(title);
    assertThat(fetched.text("ownerOrganisation")).isEqualTo("{\"$where\": \"sleep(1000)\"}");
    assertThat(fetched.text("evidence")).isEqualTo("{\"$regex\": \".*\"}");
    assertThat(fetched.json().path("boroughs").get(0).asString()).isEqualTo("$ne");
    Document content =
        mongo.findById(id, Document.class, "problems").get("content", Document.class);
    assertThat(content.getString("title")).isEqualTo(title);
    assertThat(storedProblemsTitled(mongo, title)).isEqualTo(1);

    JsonNode page =
        http.get("/api/problems?roundId=" + roundId + "&q=" + ApiSupport.encode(title)).json();
    assertThat(ApiSupport.ids(page)).containsExactly(id);
    JsonNode byBorough =
        http.get("/api/problems?roundId=" + roundId + "&borough=" + ApiSupport.encode("$ne"))
            .json();
    assertThat(ApiSupport.ids(byBorough)).containsExactly(id);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    Map<String, Object> request = Fixtures.problem(roundId, "Huge");
    request.put("description", "x".repeat(LIMIT + 10));

    JsonNode problem =
        assertProblem(owner.post("/api/problems", request), 413, "payload-too-large");

    assertThat(problem.path("detail").asString()).contains(String.valueOf(LIMIT));
    assertThat(storedProblemsTitled(mongo, "Huge")).isZero();
  }

  @Test
  void aStreamedBodyOverTheLimitIs413() throws Exception {
    Map<String, Object> request = Fixtures.problem(roundId, "Huge streamed");
    request.put("description", "x".repeat(LIMIT + 10));
    byte[] body = JSON.writeValueAsBytes(request);
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/problems"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TestTokens.problemOwner(Fixtures.OWNER))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response;
    try (HttpClient client = HttpClient.newHttpClient()) {
      response = client.send(chunked, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
    assertProblem(new Http.Response(response), 413, "payload-too-large");
    assertThat(storedProblemsTitled(mongo, "Huge streamed")).isZero();
  }

  @Test
  void aBodyJustUnderTheLimitIsParsedAndValidated() {
    Map<String, Object> request = Fixtures.problem(roundId, "Big but allowed size");
    request.put("description", "x".repeat(LIMIT - 2_000));
    // parsed (not 413) and refused by validation, because a description has at most 10,000 chars
    JsonNode problem = assertProblem(owner.post("/api/problems", request), 400, "validation");
    assertThat(errorFields(problem)).containsExactly("description");
  }

  @Test
  void aWrongContentTypeIs415() {
    String json = JSON.writeValueAsString(Fixtures.problem(roundId, "Plain text"));
    assertProblem(
        owner.send("POST", "/api/problems", json, Map.of("Content-Type", "text/plain")), 415, null);
    assertProblem(
        owner.send(
            "POST",
            "/api/problems",
            "title=x",
            Map.of("Content-Type", "application/x-www-form-urlencoded")),
        415,
        null);
    assertThat(storedProblemsTitled(mongo, "Plain text")).isZero();
  }

  @Test
  void editsAreValidatedLikeDraftsAndChangeNothingWhenRefused() {
    storesOnPurpose = true;
    String id = draft(http, Fixtures.problem(roundId, "Valid first"));

    Map<String, Object> bad = Fixtures.problem(roundId, "");
    bad.put("theme", "Not A Slug");
    JsonNode problem =
        assertProblem(owner.put("/api/problems/" + id, bad, ifMatch("\"1\"")), 400, "validation");
    assertThat(errorFields(problem)).containsExactlyInAnyOrder("title", "theme");

    Map<String, Object> unknown = Fixtures.problem(roundId, "Sneaky");
    unknown.put("status", "PUBLISHED");
    JsonNode extra =
        assertProblem(
            owner.put("/api/problems/" + id, unknown, ifMatch("\"1\"")), 400, "malformed-request");
    assertThat(errorFields(extra)).containsExactly("status");

    Document stored = mongo.findById(id, Document.class, "problems");
    assertThat(stored.getString("status")).isEqualTo("DRAFT");
    assertThat(stored.get("content", Document.class).getString("title")).isEqualTo("Valid first");
    assertThat(((Number) stored.get("version")).longValue()).isEqualTo(1);
  }

  @Test
  void noRefusalIsEverAServerError() {
    List<Http.Response> responses = new ArrayList<>();
    responses.add(owner.post("/api/problems", "{\"title\": [1, 2, {\"$gt\": null}]}"));
    responses.add(owner.post("/api/problems", "{\"datasets\": {\"$elemMatch\": {}}}"));
    responses.add(owner.post("/api/problems", "{\"roundId\": null}"));
    responses.add(owner.post("/api/problems", "null"));
    responses.add(owner.post("/api/problems", "\"just a string\""));
    responses.add(owner.post("/api/problems", "{\"successMeasures\": [null]}"));
    responses.add(owner.post("/api/problems", "{\"datasets\": [null]}"));
    responses.add(owner.post("/api/problems", "{\"boroughs\": 12}"));
    responses.add(owner.post("/api/problems", "{" + "\"a\":{".repeat(2000) + "}"));
    for (Http.Response response : responses) {
      assertThat(response.status()).as(response.toString()).isBetween(400, 499);
      assertThat(response.header("Content-Type")).startsWith(ProblemAssertions.PROBLEM_JSON);
    }
  }
}
