package org.wyp.problemservice.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.ProblemAssertions.assertValidationProblem;
import static org.wyp.problemservice.ApiSupport.announcedRound;
import static org.wyp.problemservice.ApiSupport.archivedRound;
import static org.wyp.problemservice.ApiSupport.draft;
import static org.wyp.problemservice.ApiSupport.ids;
import static org.wyp.problemservice.ApiSupport.ifMatch;
import static org.wyp.problemservice.ApiSupport.openRound;
import static org.wyp.problemservice.ApiSupport.published;
import static org.wyp.problemservice.ApiSupport.storedProblems;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.problemservice.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The problems API on the real server: drafting, visibility, optimistic edits, the life cycle and
 * endorsements, each called by the role it needs: problem owners draft, edit and endorse,
 * organisers publish, close and withdraw, and anybody reads.
 */
@ServiceIntegrationTest
class ProblemApiTest {

  static final String OWNER = Fixtures.OWNER;

  @LocalServerPort int port;

  @Autowired MongoTemplate mongo;

  /** Anonymous: the public. */
  Http http;

  Http organiser;
  Http owner;
  Http liverpool;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    organiser = http.as(TestTokens.organiser());
    owner = http.as(TestTokens.problemOwner(OWNER));
    liverpool = http.as(TestTokens.problemOwner("Liverpool City Council"));
  }

  @Test
  void draftingAnswers201WithADraftAtVersion1() {
    String roundId = openRound(http);

    Http.Response created = owner.post("/api/problems", Fixtures.problem(roundId, "Damp homes"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asString();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(created.header("Location")).endsWith("/api/problems/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(body.path("status").asString()).isEqualTo("DRAFT");
    assertThat(body.path("version").asLong()).isEqualTo(1);
    assertThat(body.path("roundId").asString()).isEqualTo(roundId);
    assertThat(body.path("title").asString()).isEqualTo("Damp homes");
    assertThat(body.path("theme").asString()).isEqualTo("health");
    assertThat(body.path("ownerOrganisation").asString()).isEqualTo(OWNER);
    assertThat(body.path("boroughs").size()).isEqualTo(2);
    assertThat(body.path("datasets").get(0).path("accessLevel").asString()).isEqualTo("SHARED");
    assertThat(body.path("endorsementCount").asInt()).isZero();

    Document stored = mongo.findById(id, Document.class, "problems");
    assertThat(stored).isNotNull();
    assertThat(stored.getString("status")).isEqualTo("DRAFT");
    assertThat(stored.getString("roundId")).isEqualTo(roundId);
  }

  @Test
  void problemsMayBeDraftedWhileTheRoundIsOnlyAnnounced() {
    String roundId = announcedRound(http);
    Http.Response created = owner.post("/api/problems", Fixtures.problem(roundId, "Early bird"));
    assertThat(created.status()).isEqualTo(201);
  }

  @Test
  void draftingInAnUnknownRoundIs422AndStoresNothing() {
    String unknown = UUID.randomUUID().toString();

    JsonNode problem =
        assertProblem(
            owner.post("/api/problems", Fixtures.problem(unknown, "Nowhere")),
            422,
            "unknown-round");

    assertThat(problem.path("detail").asString()).contains(unknown);
    assertThat(storedProblems(mongo, unknown)).isZero();
  }

  @Test
  void draftingInAnArchivedOrClosedRoundIs409AndStoresNothing() {
    String archived = archivedRound(http);
    JsonNode problem =
        assertProblem(
            owner.post("/api/problems", Fixtures.problem(archived, "Too late")),
            409,
            "round-not-gathering-problems");
    assertThat(problem.path("detail").asString()).contains("ARCHIVED");
    assertThat(storedProblems(mongo, archived)).isZero();

    String closed = openRound(http);
    organiser.post("/api/rounds/" + closed + "/close-submissions", null);
    assertProblem(
        owner.post("/api/problems", Fixtures.problem(closed, "Also too late")),
        409,
        "round-not-gathering-problems");
    assertThat(storedProblems(mongo, closed)).isZero();
  }

  @Test
  void draftsAreVisibleOnlyToTheirOrganisationAndToOrganisers() {
    String roundId = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "Private draft"));

    for (Http outsider : List.of(http, liverpool, http.as(TestTokens.sme(UUID.randomUUID())))) {
      assertProblem(outsider.get("/api/problems/" + id), 404, "not-found");
      JsonNode page = outsider.get("/api/problems?roundId=" + roundId).json();
      assertThat(page.path("totalElements").asLong()).isZero();
      assertThat(ids(page)).isEmpty();
      assertThat(ids(outsider.get("/api/problems?size=100").json())).doesNotContain(id);
    }
    for (Http insider : List.of(owner, organiser)) {
      Http.Response fetched = insider.get("/api/problems/" + id);
      assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
      assertThat(fetched.text("status")).isEqualTo("DRAFT");
      assertThat(ids(insider.get("/api/problems?roundId=" + roundId).json())).containsExactly(id);
    }
    assertThat(storedProblems(mongo, roundId)).isEqualTo(1);
  }

  @Test
  void publishingMakesAProblemVisible() {
    String roundId = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "Going public"));

    Http.Response published = organiser.post("/api/problems/" + id + "/publish", null);
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.text("status")).isEqualTo("PUBLISHED");
    assertThat(published.json().path("version").asLong()).isEqualTo(2);
    assertThat(published.header("ETag")).isEqualTo("\"2\"");
    assertThat(published.json().path("publishedAt").isNull()).isFalse();

    Http.Response fetched = http.get("/api/problems/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.text("status")).isEqualTo("PUBLISHED");
    assertThat(fetched.text("title")).isEqualTo("Going public");
    assertThat(fetched.header("ETag")).isEqualTo("\"2\"");
    JsonNode page = http.get("/api/problems?roundId=" + roundId).json();
    assertThat(ids(page)).containsExactly(id);
    assertThat(page.path("totalElements").asLong()).isEqualTo(1);
  }

  @Test
  void publishingTwiceIs409() {
    String roundId = openRound(http);
    String id = published(http, Fixtures.problem(roundId, "Once only"));

    JsonNode problem =
        assertProblem(
            organiser.post("/api/problems/" + id + "/publish", null), 409, "illegal-transition");
    assertThat(problem.path("detail").asString()).contains("PUBLISHED");
    assertThat(http.get("/api/problems/" + id).json().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void publishingInARoundThatClosedIs409() {
    String roundId = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "Missed the boat"));
    organiser.post("/api/rounds/" + roundId + "/close-submissions", null);

    assertProblem(
        organiser.post("/api/problems/" + id + "/publish", null),
        409,
        "round-not-gathering-problems");
    assertThat(storedStatus(id)).isEqualTo("DRAFT");
  }

  @Test
  void ifMatchStarEditsWhateverVersionIsCurrent() {
    String roundId = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "First wording"));

    Http.Response edited =
        owner.put(
            "/api/problems/" + id, Fixtures.problem(roundId, "Any version will do"), ifMatch("*"));

    assertThat(edited.status()).isEqualTo(200);
    assertThat(storedTitle(id)).isEqualTo("Any version will do");
    assertThat(storedVersion(id)).isEqualTo(2);
  }

  @Test
  void editingNeedsAnIfMatchNamingTheCurrentVersion() {
    String roundId = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "First wording"));
    Map<String, Object> edit = Fixtures.problem(roundId, "Second wording");

    assertProblem(owner.put("/api/problems/" + id, edit, Map.of()), 428, "precondition-required");
    assertProblem(
        owner.put("/api/problems/" + id, edit, ifMatch("\"7\"")), 412, "precondition-failed");
    assertProblem(owner.put("/api/problems/" + id, edit, ifMatch("1")), 400, "malformed-request");
    assertProblem(
        owner.put("/api/problems/" + id, edit, ifMatch("\"one\"")), 400, "malformed-request");
    assertThat(storedTitle(id)).isEqualTo("First wording");
    assertThat(storedVersion(id)).isEqualTo(1);

    Http.Response edited = owner.put("/api/problems/" + id, edit, ifMatch("\"1\""));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.text("title")).isEqualTo("Second wording");
    assertThat(edited.text("status")).isEqualTo("DRAFT");
    assertThat(edited.json().path("version").asLong()).isEqualTo(2);
    assertThat(edited.header("ETag")).isEqualTo("\"2\"");
    assertThat(storedTitle(id)).isEqualTo("Second wording");

    // the old tag is now stale
    Map<String, Object> third = Fixtures.problem(roundId, "Third wording");
    assertProblem(
        owner.put("/api/problems/" + id, third, ifMatch("\"1\"")), 412, "precondition-failed");
    assertThat(storedTitle(id)).isEqualTo("Second wording");
    Http.Response weak = owner.put("/api/problems/" + id, third, ifMatch("W/\"2\""));
    assertThat(weak.status()).isEqualTo(200);
    assertThat(weak.header("ETag")).isEqualTo("\"3\"");
  }

  @Test
  void editingAPublishedProblemWorksAndBumpsItsVersion() {
    String roundId = openRound(http);
    String id = published(http, Fixtures.problem(roundId, "Published wording"));

    Http.Response edited =
        owner.put(
            "/api/problems/" + id, Fixtures.problem(roundId, "Improved wording"), ifMatch("\"2\""));

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.text("status")).isEqualTo("PUBLISHED");
    assertThat(edited.json().path("version").asLong()).isEqualTo(3);
    assertThat(edited.header("ETag")).isEqualTo("\"3\"");
    Http.Response fetched = http.get("/api/problems/" + id);
    assertThat(fetched.text("title")).isEqualTo("Improved wording");
    assertThat(fetched.header("ETag")).isEqualTo("\"3\"");
  }

  @Test
  void aProblemCannotMoveToAnotherRound() {
    String roundId = openRound(http);
    String other = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "Stays put"));

    assertProblem(
        owner.put("/api/problems/" + id, Fixtures.problem(other, "Moved"), ifMatch("\"1\"")),
        422,
        "round-is-fixed");
    assertThat(storedTitle(id)).isEqualTo("Stays put");
    assertThat(storedProblems(mongo, other)).isZero();
  }

  @Test
  void closingKeepsAProblemVisible() {
    String roundId = openRound(http);
    String id = published(http, Fixtures.problem(roundId, "Closing soon"));

    Http.Response closed = organiser.post("/api/problems/" + id + "/close", null);
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.text("status")).isEqualTo("CLOSED");
    assertThat(closed.json().path("version").asLong()).isEqualTo(3);

    Http.Response fetched = http.get("/api/problems/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.text("status")).isEqualTo("CLOSED");
    assertThat(ids(http.get("/api/problems?roundId=" + roundId).json())).containsExactly(id);

    assertProblem(
        owner.put("/api/problems/" + id, Fixtures.problem(roundId, "Late"), ifMatch("\"3\"")),
        409,
        "illegal-transition");
    assertProblem(
        organiser.post("/api/problems/" + id + "/close", null), 409, "illegal-transition");
  }

  @Test
  void closingADraftIs409() {
    String roundId = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "Not yet out"));
    JsonNode problem =
        assertProblem(
            organiser.post("/api/problems/" + id + "/close", null), 409, "illegal-transition");
    assertThat(problem.path("detail").asString()).contains("DRAFT");
  }

  @Test
  void withdrawingHidesAProblem() {
    String roundId = openRound(http);
    String id = published(http, Fixtures.problem(roundId, "Changed our minds"));

    Http.Response withdrawn = organiser.post("/api/problems/" + id + "/withdraw", null);
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.json().path("version").asLong()).isEqualTo(3);

    assertProblem(http.get("/api/problems/" + id), 404, "not-found");
    assertProblem(liverpool.get("/api/problems/" + id), 404, "not-found");
    assertThat(http.get("/api/problems?roundId=" + roundId).json().path("totalElements").asLong())
        .isZero();
    assertThat(owner.get("/api/problems/" + id).text("status")).isEqualTo("WITHDRAWN");
    assertThat(storedStatus(id)).isEqualTo("WITHDRAWN");
    assertProblem(
        organiser.post("/api/problems/" + id + "/withdraw", null), 409, "illegal-transition");
    assertProblem(
        organiser.post("/api/problems/" + id + "/publish", null), 409, "illegal-transition");
  }

  @Test
  void aDraftMayBeWithdrawn() {
    String roundId = openRound(http);
    String id = draft(http, Fixtures.problem(roundId, "Never mind"));
    Http.Response withdrawn = organiser.post("/api/problems/" + id + "/withdraw", null);
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.json().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void endorsementsAreOnePerOrganisationAndNeverByTheOwner() {
    String roundId = openRound(http);
    String id = published(http, Fixtures.problem(roundId, "Shared pain"));

    Http.Response first =
        liverpool.post(
            "/api/problems/" + id + "/endorsements",
            Map.of("organisation", "Liverpool City Council", "note", "We see this too"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header("Location")).isNotBlank();
    assertThat(first.json().path("endorsementCount").asInt()).isEqualTo(1);
    assertThat(first.json().path("endorsements").get(0).path("organisation").asString())
        .isEqualTo("Liverpool City Council");
    assertThat(first.json().path("version").asLong()).isEqualTo(3);

    JsonNode again =
        assertProblem(
            liverpool.post(
                "/api/problems/" + id + "/endorsements",
                Map.of("organisation", "  liverpool CITY council ")),
            409,
            "already-endorsed");
    assertThat(again.path("detail").asString()).containsIgnoringCase("liverpool city council");

    assertProblem(
        owner.post(
            "/api/problems/" + id + "/endorsements",
            Map.of("organisation", " " + OWNER.toUpperCase() + " ")),
        409,
        "own-problem");

    Http.Response second =
        http.as(TestTokens.problemOwner("Sefton Council"))
            .post(
                "/api/problems/" + id + "/endorsements",
                Map.of("organisation", "  sefton council "));
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().path("endorsements").get(1).path("organisation").asString())
        .isEqualTo("Sefton Council");
    assertThat(second.json().path("endorsementCount").asInt()).isEqualTo(2);

    Http.Response fetched = http.get("/api/problems/" + id);
    assertThat(fetched.json().path("endorsementCount").asInt()).isEqualTo(2);
    assertThat(fetched.json().path("endorsements").size()).isEqualTo(2);
    assertThat(
            http.get("/api/problems?roundId=" + roundId)
                .json()
                .path("content")
                .get(0)
                .path("endorsementCount")
                .asInt())
        .isEqualTo(2);
    List<?> stored =
        mongo.findById(id, Document.class, "problems").getList("endorsements", Object.class);
    assertThat(stored).hasSize(2);
  }

  @Test
  void aDraftOrAWithdrawnProblemCannotBeEndorsed() {
    String roundId = openRound(http);
    String draftId = draft(http, Fixtures.problem(roundId, "Still private"));
    Http wirral = http.as(TestTokens.problemOwner("Wirral Council"));

    // Another organisation does not know the draft exists.
    assertProblem(
        wirral.post("/api/problems/" + draftId + "/endorsements", Map.of("note", "Us too")),
        404,
        "not-found");
    // Its own organisation sees it, but a draft takes no endorsements.
    JsonNode problem =
        assertProblem(
            owner.post("/api/problems/" + draftId + "/endorsements", Map.of()),
            409,
            "illegal-transition");
    assertThat(problem.path("detail").asString()).contains("DRAFT");
    assertThat(storedVersion(draftId)).isEqualTo(1);

    String withdrawn = published(http, Fixtures.problem(roundId, "Gone"));
    organiser.post("/api/problems/" + withdrawn + "/withdraw", null);
    assertProblem(
        wirral.post("/api/problems/" + withdrawn + "/endorsements", Map.of()), 404, "not-found");
    assertProblem(
        owner.post("/api/problems/" + withdrawn + "/endorsements", Map.of()),
        409,
        "illegal-transition");
  }

  @Test
  void aClosedProblemMayStillBeEndorsed() {
    String roundId = openRound(http);
    String id = published(http, Fixtures.problem(roundId, "Closed but relevant"));
    organiser.post("/api/problems/" + id + "/close", null);
    Http.Response endorsed =
        http.as(TestTokens.problemOwner("Halton"))
            .post("/api/problems/" + id + "/endorsements", Map.of("organisation", "Halton"));
    assertThat(endorsed.status()).isEqualTo(201);
    assertThat(endorsed.json().path("endorsementCount").asInt()).isEqualTo(1);
  }

  @Test
  void anEndorsementIsByTheCallersOrganisation() {
    String roundId = openRound(http);
    String id = published(http, Fixtures.problem(roundId, "Who are you"));

    assertThat(
            assertValidationProblem(
                liverpool.post(
                    "/api/problems/" + id + "/endorsements", Map.of("organisation", "   "))))
        .containsExactly("organisation");
    JsonNode mismatch =
        assertProblem(
            liverpool.post(
                "/api/problems/" + id + "/endorsements", Map.of("organisation", "Wirral Council")),
            403,
            "organisation-mismatch");
    assertThat(mismatch.path("detail").asString()).contains("Liverpool City Council");
    assertThat(http.get("/api/problems/" + id).json().path("endorsementCount").asInt()).isZero();

    Http.Response endorsed =
        liverpool.post("/api/problems/" + id + "/endorsements", Map.of("note", "Us too"));
    assertThat(endorsed.status()).as(endorsed.toString()).isEqualTo(201);
    assertThat(endorsed.json().path("endorsements").get(0).path("organisation").asString())
        .isEqualTo("Liverpool City Council");
  }

  @Test
  void unknownAndMalformedProblemIds() {
    String unknown = UUID.randomUUID().toString();
    assertProblem(http.get("/api/problems/" + unknown), 404, "not-found");
    assertProblem(organiser.post("/api/problems/" + unknown + "/publish", null), 404, "not-found");
    assertProblem(organiser.post("/api/problems/" + unknown + "/close", null), 404, "not-found");
    assertProblem(organiser.post("/api/problems/" + unknown + "/withdraw", null), 404, "not-found");
    assertProblem(
        liverpool.post("/api/problems/" + unknown + "/endorsements", Map.of("note", "Halton")),
        404,
        "not-found");
    String roundId = openRound(http);
    assertProblem(
        owner.put("/api/problems/" + unknown, Fixtures.problem(roundId, "Ghost"), ifMatch("\"1\"")),
        404,
        "not-found");
    assertThat(storedProblems(mongo, roundId)).isZero();

    assertThat(assertValidationProblem(http.get("/api/problems/nope"))).containsExactly("id");
    assertThat(assertValidationProblem(organiser.post("/api/problems/nope/publish", null)))
        .containsExactly("id");
  }

  private Document stored(String id) {
    Document document = mongo.findById(id, Document.class, "problems");
    assertThat(document).as("stored problem %s", id).isNotNull();
    return document;
  }

  private String storedStatus(String id) {
    return stored(id).getString("status");
  }

  private String storedTitle(String id) {
    return stored(id).get("content", Document.class).getString("title");
  }

  private long storedVersion(String id) {
    return ((Number) stored(id).get("version")).longValue();
  }
}
