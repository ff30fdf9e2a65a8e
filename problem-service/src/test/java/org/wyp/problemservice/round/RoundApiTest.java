package org.wyp.problemservice.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.ProblemAssertions.assertValidationProblem;
import static org.wyp.kit.testing.ProblemAssertions.errorMessage;
import static org.wyp.problemservice.ApiSupport.announcedRound;
import static org.wyp.problemservice.ApiSupport.ids;
import static org.wyp.problemservice.ApiSupport.openRound;
import static org.wyp.problemservice.ApiSupport.storedRoundsNamed;
import static org.wyp.problemservice.ApiSupport.texts;
import static org.wyp.problemservice.ApiSupport.unique;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.problemservice.Fixtures;
import tools.jackson.databind.JsonNode;

/** The rounds API on the real server: create, phases, illegal transitions, lists and errors. */
@ServiceIntegrationTest
class RoundApiTest {

  @LocalServerPort int port;

  @Autowired MongoTemplate mongo;

  /** Anonymous: rounds are public. */
  Http http;

  /** Rounds are announced and moved through their phases by organisers. */
  Http organiser;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    organiser = http.as(TestTokens.organiser());
  }

  @Test
  void creatingARoundAnswers201WithLocationETagAndTheAnnouncedRound() {
    String name = unique("Health and care");
    Http.Response created = organiser.post("/api/rounds", Fixtures.round(name));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asString();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(created.header("Location")).endsWith("/api/rounds/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(body.path("status").asString()).isEqualTo("ANNOUNCED");
    assertThat(body.path("version").asLong()).isEqualTo(1);
    assertThat(body.path("name").asString()).isEqualTo(name);
    assertThat(body.path("opensAt").asString()).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(body.path("closesAt").asString()).isEqualTo("2026-04-30T17:00:00Z");
    assertThat(body.path("finalsAt").asString()).isEqualTo("2026-06-12T13:00:00Z");
    assertThat(stringList(body.path("eligiblePostcodeAreas")))
        .containsExactly("L", "CH", "WA", "PR");

    Http.Response fetched =
        http.get(created.header("Location").replaceFirst("^https?://[^/]+", ""));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.text("id")).isEqualTo(id);
    assertThat(fetched.text("status")).isEqualTo("ANNOUNCED");
    assertThat(fetched.header("ETag")).isEqualTo("\"1\"");
    assertThat(mongo.count(new Query(where("_id").is(id)), "rounds")).isEqualTo(1);
  }

  @Test
  void explicitPostcodeAreasAreKeptAndBadOnesRefused() {
    Map<String, Object> request = Fixtures.round(unique("Wirral only"));
    request.put("eligiblePostcodeAreas", List.of("CH"));
    Http.Response created = organiser.post("/api/rounds", request);
    assertThat(created.status()).isEqualTo(201);
    assertThat(stringList(created.json().path("eligiblePostcodeAreas"))).containsExactly("CH");

    String badName = unique("Bad areas");
    Map<String, Object> bad = Fixtures.round(badName);
    bad.put("eligiblePostcodeAreas", List.of("l1"));
    JsonNode problem = assertProblem(organiser.post("/api/rounds", bad), 400, "validation");
    assertThat(problem.path("errors").get(0).path("field").asString())
        .startsWith("eligiblePostcodeAreas");
    assertThat(storedRoundsNamed(mongo, badName)).isZero();
  }

  @Test
  void aRoundMovesThroughItsPhasesBumpingItsVersion() {
    String id = announcedRound(http);

    Http.Response opened = organiser.post("/api/rounds/" + id + "/open", null);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.text("status")).isEqualTo("OPEN");
    assertThat(opened.json().path("version").asLong()).isEqualTo(2);
    assertThat(opened.header("ETag")).isEqualTo("\"2\"");

    Http.Response closed = organiser.post("/api/rounds/" + id + "/close-submissions", null);
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.text("status")).isEqualTo("SUBMISSIONS_CLOSED");
    assertThat(closed.json().path("version").asLong()).isEqualTo(3);

    Http.Response archived = organiser.post("/api/rounds/" + id + "/archive", null);
    assertThat(archived.status()).isEqualTo(200);
    assertThat(archived.text("status")).isEqualTo("ARCHIVED");
    assertThat(archived.json().path("version").asLong()).isEqualTo(4);

    Http.Response fetched = http.get("/api/rounds/" + id);
    assertThat(fetched.text("status")).isEqualTo("ARCHIVED");
    assertThat(fetched.header("ETag")).isEqualTo("\"4\"");
    assertThat(mongo.findById(id, Document.class, "rounds").getString("status"))
        .isEqualTo("ARCHIVED");
  }

  @Test
  void anAnnouncedRoundMayBeArchivedDirectly() {
    String id = announcedRound(http);
    Http.Response archived = organiser.post("/api/rounds/" + id + "/archive", null);
    assertThat(archived.status()).isEqualTo(200);
    assertThat(archived.text("status")).isEqualTo("ARCHIVED");
  }

  @Test
  void openingTwiceIsAnIllegalTransition() {
    String id = openRound(http);

    JsonNode problem =
        assertProblem(
            organiser.post("/api/rounds/" + id + "/open", null), 409, "illegal-transition");
    assertThat(problem.path("detail").asString()).contains("OPEN");

    Http.Response fetched = http.get("/api/rounds/" + id);
    assertThat(fetched.text("status")).isEqualTo("OPEN");
    assertThat(fetched.json().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void archivingAnOpenRoundIsAnIllegalTransition() {
    String id = openRound(http);

    JsonNode problem =
        assertProblem(
            organiser.post("/api/rounds/" + id + "/archive", null), 409, "illegal-transition");
    assertThat(problem.path("detail").asString()).contains("OPEN").contains("ARCHIVED");
    assertThat(http.get("/api/rounds/" + id).text("status")).isEqualTo("OPEN");
  }

  @Test
  void closingSubmissionsOfAnAnnouncedRoundIsAnIllegalTransition() {
    String id = announcedRound(http);

    JsonNode problem =
        assertProblem(
            organiser.post("/api/rounds/" + id + "/close-submissions", null),
            409,
            "illegal-transition");
    assertThat(problem.path("detail").asString()).contains("ANNOUNCED");
    assertThat(http.get("/api/rounds/" + id).text("status")).isEqualTo("ANNOUNCED");
  }

  @Test
  void anArchivedRoundCannotBeReopened() {
    String id = announcedRound(http);
    organiser.post("/api/rounds/" + id + "/archive", null);

    JsonNode problem =
        assertProblem(
            organiser.post("/api/rounds/" + id + "/open", null), 409, "illegal-transition");
    assertThat(problem.path("detail").asString()).contains("ARCHIVED");
  }

  @Test
  void datesOutOfOrderAre422AndNothingIsStored() {
    String closesFirst = unique("Closes before it opens");
    Map<String, Object> request = Fixtures.round(closesFirst);
    request.put("closesAt", "2026-02-01T09:00:00Z");
    JsonNode problem =
        assertProblem(organiser.post("/api/rounds", request), 422, "schedule-out-of-order");
    assertThat(problem.path("detail").asString()).contains("closesAt");
    assertThat(storedRoundsNamed(mongo, closesFirst)).isZero();

    String sameInstant = unique("Opens and closes at once");
    Map<String, Object> same = Fixtures.round(sameInstant);
    same.put("closesAt", same.get("opensAt"));
    assertProblem(organiser.post("/api/rounds", same), 422, "schedule-out-of-order");
    assertThat(storedRoundsNamed(mongo, sameInstant)).isZero();

    String finalsEarly = unique("Finals before closing");
    Map<String, Object> early = Fixtures.round(finalsEarly);
    early.put("finalsAt", "2026-04-01T09:00:00Z");
    JsonNode finals =
        assertProblem(organiser.post("/api/rounds", early), 422, "schedule-out-of-order");
    assertThat(finals.path("detail").asString()).contains("finalsAt");
    assertThat(storedRoundsNamed(mongo, finalsEarly)).isZero();
  }

  @Test
  void missingAndMalformedFieldsAre400WithFieldErrors() {
    long before = mongo.count(new Query(), "rounds");

    List<String> fields = assertValidationProblem(organiser.post("/api/rounds", Map.of()));
    assertThat(fields)
        .containsExactlyInAnyOrder("name", "description", "opensAt", "closesAt", "finalsAt");

    Map<String, Object> badDate = Fixtures.round(unique("Bad date"));
    badDate.put("opensAt", "next tuesday");
    JsonNode malformed =
        assertProblem(organiser.post("/api/rounds", badDate), 400, "malformed-request");
    assertThat(malformed.path("detail").asString()).contains("opensAt");

    Map<String, Object> longName = Fixtures.round("x".repeat(121));
    JsonNode tooLong = assertProblem(organiser.post("/api/rounds", longName), 400, "validation");
    assertThat(errorMessage(tooLong, "name")).isNotBlank();

    assertThat(mongo.count(new Query(), "rounds")).isEqualTo(before);
  }

  @Test
  void listsArePagedAndFilterableByStatus() {
    String announced = announcedRound(http);
    String open = openRound(http);
    String archived = announcedRound(http);
    organiser.post("/api/rounds/" + archived + "/archive", null);
    long total = mongo.count(new Query(), "rounds");
    assertThat(total).isGreaterThanOrEqualTo(3);

    Http.Response all = http.get("/api/rounds?size=100");
    assertThat(all.status()).isEqualTo(200);
    JsonNode page = all.json();
    assertThat(page.path("page").asInt()).isZero();
    assertThat(page.path("size").asInt()).isEqualTo(100);
    assertThat(page.path("totalElements").asLong()).isEqualTo(total);
    assertThat(ids(page)).contains(announced, open, archived);

    JsonNode firstTwo = http.get("/api/rounds?page=0&size=2").json();
    assertThat(firstTwo.path("content").size()).isEqualTo(2);
    assertThat(firstTwo.path("size").asInt()).isEqualTo(2);
    assertThat(firstTwo.path("totalElements").asLong()).isEqualTo(total);
    List<String> seen = new ArrayList<>();
    for (int p = 0; p * 2 < total; p++) {
      JsonNode each = http.get("/api/rounds?size=2&page=" + p).json();
      assertThat(each.path("page").asInt()).isEqualTo(p);
      seen.addAll(ids(each));
    }
    assertThat(seen).hasSize((int) total);
    assertThat(new HashSet<>(seen)).hasSize((int) total);
    JsonNode beyond = http.get("/api/rounds?size=2&page=" + (total / 2 + 1)).json();
    assertThat(beyond.path("content").size()).isZero();
    assertThat(beyond.path("totalElements").asLong()).isEqualTo(total);

    JsonNode onlyArchived = http.get("/api/rounds?status=ARCHIVED&size=100").json();
    assertThat(ids(onlyArchived)).contains(archived).doesNotContain(announced, open);
    assertThat(texts(onlyArchived, "status")).containsOnly("ARCHIVED");
    assertThat(onlyArchived.path("totalElements").asLong())
        .isEqualTo(mongo.count(new Query(where("status").is("ARCHIVED")), "rounds"));

    JsonNode onlyOpen = http.get("/api/rounds?status=OPEN&size=100").json();
    assertThat(ids(onlyOpen)).contains(open).doesNotContain(announced, archived);
    assertThat(texts(onlyOpen, "status")).containsOnly("OPEN");
  }

  @Test
  void badPagingAndFilterParametersAre400Problems() {
    assertThat(assertValidationProblem(http.get("/api/rounds?size=0"))).containsExactly("size");
    assertThat(assertValidationProblem(http.get("/api/rounds?size=101"))).containsExactly("size");
    assertThat(assertValidationProblem(http.get("/api/rounds?page=-1"))).containsExactly("page");
    assertThat(assertValidationProblem(http.get("/api/rounds?size=lots"))).containsExactly("size");
    assertThat(assertValidationProblem(http.get("/api/rounds?status=FINISHED")))
        .containsExactly("status");
    assertThat(http.get("/api/rounds?size=100").status()).isEqualTo(200);
  }

  @Test
  void anUnknownRoundIs404() {
    String unknown = UUID.randomUUID().toString();
    JsonNode problem = assertProblem(http.get("/api/rounds/" + unknown), 404, "not-found");
    assertThat(problem.path("detail").asString()).contains(unknown);

    assertProblem(organiser.post("/api/rounds/" + unknown + "/open", null), 404, "not-found");
    assertProblem(
        organiser.post("/api/rounds/" + unknown + "/close-submissions", null), 404, "not-found");
    assertProblem(organiser.post("/api/rounds/" + unknown + "/archive", null), 404, "not-found");
    assertThat(mongo.count(new Query(where("_id").is(unknown)), "rounds")).isZero();
  }

  @Test
  void aMalformedIdInThePathIs400() {
    assertThat(assertValidationProblem(http.get("/api/rounds/not-a-uuid"))).containsExactly("id");
    assertThat(assertValidationProblem(organiser.post("/api/rounds/12345/open", null)))
        .containsExactly("id");
  }

  private static List<String> stringList(JsonNode array) {
    assertThat(array.isArray()).as("array: %s", array).isTrue();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      values.add(array.get(i).asString());
    }
    return values;
  }
}
