package org.wyp.problemservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.problemservice.ApiSupport.ids;
import static org.wyp.problemservice.ApiSupport.ifMatch;
import static org.wyp.problemservice.ApiSupport.storedProblemsTitled;
import static org.wyp.problemservice.ApiSupport.storedRoundsNamed;

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
import org.wyp.problemservice.ApiSupport;
import org.wyp.problemservice.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * What the tokens bind: a problem owner acts only for the organisation its token names, whatever
 * the request says; tokens that are expired, forged or from elsewhere are refused, and refused
 * requests change nothing; lists hold only what the caller may see.
 */
@ServiceIntegrationTest
class ProblemAccessTest {

  static final String OWNER = Fixtures.OWNER;
  static final List<String> OWNER_ROLES = List.of("PROBLEM_OWNER");
  static final Map<String, Object> OWNER_CLAIMS = Map.of("organisation", OWNER);

  @LocalServerPort int port;

  @Autowired MongoTemplate mongo;

  Http http;
  Http organiser;
  Http owner;
  Http sefton;
  String roundId;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    organiser = http.as(TestTokens.organiser());
    owner = http.as(TestTokens.problemOwner(OWNER));
    sefton = http.as(TestTokens.problemOwner("Sefton Council"));
    roundId = ApiSupport.openRound(http);
  }

  @Test
  void aProblemOwnerDraftsOnlyForItsOwnOrganisation() {
    String title = ApiSupport.unique("Not ours to write");
    JsonNode refused =
        assertProblem(
            sefton.post("/api/problems", Fixtures.problem(roundId, title)),
            403,
            "organisation-mismatch");
    assertThat(refused.path("detail").asString()).contains("Sefton Council");
    assertThat(storedProblemsTitled(mongo, title)).isZero();

    // The owner's own name, however spelt, is its own.
    Map<String, Object> spelt = Fixtures.problem(roundId, ApiSupport.unique("Ours"));
    spelt.put("ownerOrganisation", "  " + OWNER.toLowerCase() + " ");
    assertThat(owner.post("/api/problems", spelt).status()).isEqualTo(201);
  }

  @Test
  void aProblemOwnerTokenWithoutAnOrganisationMayNotDraftOrEndorse() {
    Http unbound = http.as(TestTokens.token("no-org", OWNER_ROLES, Map.of()));
    String title = ApiSupport.unique("Whose is this");
    assertProblem(
        unbound.post("/api/problems", Fixtures.problem(roundId, title)),
        403,
        "not-a-problem-owner");
    assertThat(storedProblemsTitled(mongo, title)).isZero();

    String published = ApiSupport.published(http, Fixtures.problem(roundId, "Endorse me"));
    assertProblem(
        unbound.post(
            "/api/problems/" + published + "/endorsements", Map.of("organisation", "Halton")),
        403,
        "not-a-problem-owner");
    assertThat(endorsementCount(published)).isZero();
  }

  @Test
  void anotherOrganisationCannotEditAProblemItSeesNorLearnOfADraft() {
    String draft = ApiSupport.draft(http, Fixtures.problem(roundId, "Our draft"));
    String published = ApiSupport.published(http, Fixtures.problem(roundId, "Our problem"));
    Map<String, Object> takeover = Fixtures.problem(roundId, "Now Sefton's");
    takeover.put("ownerOrganisation", "Sefton Council");

    assertProblem(sefton.put("/api/problems/" + draft, takeover, ifMatch("*")), 404, "not-found");
    assertProblem(
        sefton.put("/api/problems/" + published, takeover, ifMatch("*")), 403, "not-the-owner");
    assertThat(storedTitle(draft)).isEqualTo("Our draft");
    assertThat(storedTitle(published)).isEqualTo("Our problem");
  }

  @Test
  void theOwnerCannotHandItsProblemToAnotherOrganisation() {
    String draft = ApiSupport.draft(http, Fixtures.problem(roundId, "Ours to keep"));
    Map<String, Object> handover = Fixtures.problem(roundId, "Sefton's now");
    handover.put("ownerOrganisation", "Sefton Council");

    assertProblem(
        owner.put("/api/problems/" + draft, handover, ifMatch("\"1\"")),
        403,
        "organisation-mismatch");
    assertThat(storedTitle(draft)).isEqualTo("Ours to keep");
    assertProblem(sefton.get("/api/problems/" + draft), 404, "not-found");
  }

  @Test
  void anEndorsementIsForTheTokensOrganisationOnly() {
    String published = ApiSupport.published(http, Fixtures.problem(roundId, "Shared pain"));

    assertProblem(
        sefton.post(
            "/api/problems/" + published + "/endorsements",
            Map.of("organisation", "Knowsley Council", "note", "On their behalf")),
        403,
        "organisation-mismatch");
    // A foreign token's organisation cannot endorse as the owner either: the owner's own is 409.
    assertProblem(
        owner.post("/api/problems/" + published + "/endorsements", Map.of()), 409, "own-problem");
    assertThat(endorsementCount(published)).isZero();
  }

  @Test
  void expiredForeignAndForgedTokensAreRefusedAndChangeNothing() {
    Map<String, Object> problem = Fixtures.problem(roundId, ApiSupport.unique("Forged"));
    String title = (String) problem.get("title");
    List<String> refused =
        List.of(
            TestTokens.expired(OWNER_ROLES, OWNER_CLAIMS),
            TestTokens.signedByOtherKey(OWNER_ROLES, OWNER_CLAIMS),
            TestTokens.fromOtherIssuer(OWNER_ROLES, OWNER_CLAIMS),
            // a forged binding: the owner's organisation, claimed by a key nobody trusts
            TestTokens.signedByOtherKey(
                List.of("PROBLEM_OWNER", "ORGANISER"), Map.of("organisation", OWNER)),
            "not.a.jwt");
    String draft = ApiSupport.draft(http, Fixtures.problem(roundId, "Private draft"));
    String round = ApiSupport.unique("Forged round");

    for (String token : refused) {
      Http forger = http.as(token);
      assertProblem(forger.post("/api/problems", problem), 401, "unauthenticated");
      assertProblem(
          forger.put("/api/problems/" + draft, problem, ifMatch("*")), 401, "unauthenticated");
      assertProblem(forger.post("/api/rounds", Fixtures.round(round)), 401, "unauthenticated");
      assertProblem(forger.post("/api/problems/" + draft + "/publish", null), 401, null);
      // A bad token is refused even where no token is needed: it is never read as anonymous.
      assertProblem(forger.get("/api/problems/" + draft), 401, "unauthenticated");
    }
    assertThat(storedProblemsTitled(mongo, title)).isZero();
    assertThat(storedRoundsNamed(mongo, round)).isZero();
    assertThat(storedTitle(draft)).isEqualTo("Private draft");
    assertThat(mongo.findById(draft, Document.class, "problems").getString("status"))
        .isEqualTo("DRAFT");
  }

  @Test
  void aValidTokenBoundToAnotherOrganisationGetsThatOrganisationsRightsOnly() {
    String draft = ApiSupport.draft(http, Fixtures.problem(roundId, "Only ours"));
    // Correctly signed, but its organisation is someone else's: it sees what Sefton sees.
    Http elsewhere =
        http.as(TestTokens.token("owner-x", OWNER_ROLES, Map.of("organisation", "Sefton Council")));

    assertProblem(elsewhere.get("/api/problems/" + draft), 404, "not-found");
    assertProblem(
        elsewhere.post("/api/problems", Fixtures.problem(roundId, "As Alder Hey")),
        403,
        "organisation-mismatch");
    // Roles it does not hold are not implied by claims it does: an organisation is not a role.
    Http organiserClaim =
        http.as(TestTokens.token("x", List.of("SME"), Map.of("organisation", OWNER)));
    assertProblem(
        organiserClaim.post("/api/problems", Fixtures.problem(roundId, "As an SME")),
        403,
        "forbidden");
    assertProblem(organiserClaim.get("/api/problems/" + draft), 404, "not-found");
  }

  @Test
  void listsHoldOnlyWhatTheCallerMaySee() {
    String published = ApiSupport.published(http, Fixtures.problem(roundId, "Public"));
    String ours = ApiSupport.draft(http, Fixtures.problem(roundId, "Our draft"));
    Map<String, Object> theirProblem = Fixtures.problem(roundId, "Their draft");
    theirProblem.put("ownerOrganisation", "Sefton Council");
    String theirs = ApiSupport.draft(http, theirProblem);
    String query = "/api/problems?size=100&roundId=" + roundId;

    assertThat(ids(http.get(query).json())).containsExactly(published);
    assertThat(ids(http.as(TestTokens.sme(UUID.randomUUID())).get(query).json()))
        .containsExactly(published);
    assertThat(ids(owner.get(query).json())).containsExactlyInAnyOrder(published, ours);
    assertThat(ids(sefton.get(query).json())).containsExactlyInAnyOrder(published, theirs);
    assertThat(ids(organiser.get(query).json())).containsExactlyInAnyOrder(published, ours, theirs);
    // Asking for drafts does not widen what one may see: another's are simply not there.
    JsonNode drafts = sefton.get(query + "&status=DRAFT").json();
    assertThat(ids(drafts)).containsExactly(theirs);
    assertThat(drafts.path("totalElements").asLong()).isEqualTo(1);
    assertThat(http.get(query + "&status=DRAFT").json().path("totalElements").asLong()).isZero();
    // An organisation name is matched as a name, never as a pattern.
    Http pattern = http.as(TestTokens.problemOwner(".*"));
    assertThat(ids(pattern.get(query).json())).containsExactly(published);
  }

  private String storedTitle(String id) {
    return mongo
        .findById(id, Document.class, "problems")
        .get("content", Document.class)
        .getString("title");
  }

  private int endorsementCount(String id) {
    return http.get("/api/problems/" + id).json().path("endorsementCount").asInt();
  }
}
