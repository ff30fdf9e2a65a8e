package org.wyp.problemservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.wyp.kit.testing.EndpointInventory;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ProblemAssertions;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.problemservice.ApiSupport;
import org.wyp.problemservice.Fixtures;

/**
 * Every endpoint of problem-service against every kind of caller, from one table: the exact status
 * each gets. An endpoint without a row, or a row naming no endpoint, fails the build, so no
 * endpoint is forgotten. Where an endpoint acts on an owned object (a problem), {@link
 * Who#OTHER_OWNER} is the right role for someone else's object, and a row per kind of object
 * (draft, published) shows what that caller may see.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** The callers, in the table's column order. */
  enum Who {
    ANONYMOUS,
    ORGANISER,
    /** A problem owner of the organisation that owns the problems below. */
    OWNER,
    /** A problem owner of another organisation: the right role, someone else's object. */
    OTHER_OWNER,
    SME,
    JUDGE,
    OPS
  }

  static final String OTHER_ORGANISATION = "Liverpool City Council";

  @LocalServerPort int port;

  @Autowired ApplicationContext context;

  Http http;
  Map<Who, Http> callers;

  /** Objects the read rows share; write rows make their own, so no row changes another's. */
  String round;

  String publishedProblem;
  String draftProblem;
  String withdrawnProblem;

  @BeforeAll
  void fixtures() {
    http = Http.localhost(port);
    callers = new EnumMap<>(Who.class);
    callers.put(Who.ANONYMOUS, http.anonymous());
    callers.put(Who.ORGANISER, http.as(TestTokens.organiser()));
    callers.put(Who.OWNER, http.as(TestTokens.problemOwner(Fixtures.OWNER)));
    callers.put(Who.OTHER_OWNER, http.as(TestTokens.problemOwner(OTHER_ORGANISATION)));
    callers.put(Who.SME, http.as(TestTokens.sme(UUID.randomUUID())));
    callers.put(Who.JUDGE, http.as(TestTokens.judge(UUID.randomUUID())));
    callers.put(Who.OPS, http.as(TestTokens.ops()));
    round = ApiSupport.openRound(http);
    publishedProblem = published();
    draftProblem = draft();
    withdrawnProblem = published();
    assertThat(
            callers
                .get(Who.ORGANISER)
                .post("/api/problems/" + withdrawnProblem + "/withdraw", null)
                .status())
        .isEqualTo(200);
  }

  List<Row> table() {
    return List.of(
        // endpoint, the object it acts on, its id, body: then what each caller gets, as
        // ANONYMOUS, ORGANISER, OWNER, OTHER_OWNER, SME, JUDGE, OPS
        row("POST /api/rounds", "a new round", null, Fixtures.round("Matrix round"))
            .expect(401, 201, 403, 403, 403, 403, 403),
        row("POST /api/rounds/{id}/open", "an announced round", this::announcedRound, null)
            .expect(401, 200, 403, 403, 403, 403, 403),
        row("POST /api/rounds/{id}/close-submissions", "an open round", this::openRound, null)
            .expect(401, 200, 403, 403, 403, 403, 403),
        row("POST /api/rounds/{id}/archive", "an announced round", this::announcedRound, null)
            .expect(401, 200, 403, 403, 403, 403, 403),
        row("GET /api/rounds/{id}", "an open round", () -> round, null)
            .expect(200, 200, 200, 200, 200, 200, 200),
        row("GET /api/rounds", "the rounds", null, null).expect(200, 200, 200, 200, 200, 200, 200),
        // Drafting for another organisation than one's own is organisation-mismatch.
        row("POST /api/problems", "a new draft of OWNER's", null, problemBody("Matrix draft"))
            .expect(401, 403, 201, 403, 403, 403, 403),
        row("PUT /api/problems/{id}", "OWNER's draft", this::draft, problemBody("Reworded"))
            .expect(401, 403, 200, 404, 403, 403, 403),
        row("PUT /api/problems/{id}", "OWNER's published problem", this::published, edit())
            .expect(401, 403, 200, 403, 403, 403, 403),
        row("POST /api/problems/{id}/publish", "OWNER's draft", this::draft, null)
            .expect(401, 200, 403, 403, 403, 403, 403),
        row("POST /api/problems/{id}/close", "a published problem", this::published, null)
            .expect(401, 200, 403, 403, 403, 403, 403),
        row("POST /api/problems/{id}/withdraw", "a published problem", this::published, null)
            .expect(401, 200, 403, 403, 403, 403, 403),
        // An owner cannot endorse its own problem (409 own-problem), nor anyone a draft (409).
        row("POST /api/problems/{id}/endorsements", "a published problem", this::published, note())
            .expect(401, 403, 409, 201, 403, 403, 403),
        row("POST /api/problems/{id}/endorsements", "OWNER's draft", () -> draftProblem, note())
            .expect(401, 403, 409, 404, 403, 403, 403),
        row("GET /api/problems/{id}", "a published problem", () -> publishedProblem, null)
            .expect(200, 200, 200, 200, 200, 200, 200),
        row("GET /api/problems/{id}", "OWNER's draft", () -> draftProblem, null)
            .expect(404, 200, 200, 404, 404, 404, 404),
        row("GET /api/problems/{id}", "a withdrawn problem", () -> withdrawnProblem, null)
            .expect(404, 200, 200, 404, 404, 404, 404),
        // Lists answer everybody; what they hold is each caller's (see ProblemAccessTest).
        row("GET /api/problems", "the problem list", null, null)
            .expect(200, 200, 200, 200, 200, 200, 200));
  }

  @Test
  void everyEndpointHasARowAndEveryRowNamesAnEndpoint() {
    Set<String> declared = EndpointInventory.of(context, "/api/");
    Set<String> covered =
        table().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

    assertThat(covered).as("endpoints in the table").isEqualTo(declared);
    assertThat(declared).as("the inventory found the controllers").isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsExactlyTheExpectedStatus() {
    return table().stream()
        .map(row -> dynamicTest(row.endpoint() + " on " + row.object(), () -> check(row)));
  }

  /**
   * Plays one row: the callers refused first and the one that succeeds last, so a successful write
   * cannot change what the others get.
   */
  private void check(Row row) {
    String method = row.endpoint().substring(0, row.endpoint().indexOf(' '));
    String pattern = row.endpoint().substring(method.length() + 1);
    String path = row.id() == null ? pattern : pattern.replace("{id}", row.id().get());
    Map<String, String> headers = "PUT".equals(method) ? Map.of("If-Match", "*") : Map.of();
    List<Who> order = new ArrayList<>(List.of(Who.values()));
    order.sort(Comparator.comparing(who -> isSuccess(row.expected().get(who))));
    if (!"GET".equals(method)) {
      assertThat(order.stream().filter(who -> isSuccess(row.expected().get(who))).count())
          .as("a write row lets at most one caller succeed")
          .isLessThanOrEqualTo(1);
    }

    SoftAssertions softly = new SoftAssertions();
    for (Who who : order) {
      Http.Response response = callers.get(who).send(method, path, row.body(), headers);
      int expected = row.expected().get(who);
      softly
          .assertThat(response.status())
          .as("%s %s as %s: %s", method, path, who, response)
          .isEqualTo(expected);
      if (expected >= 400) {
        softly
            .assertThat(response.header("Content-Type"))
            .as("%s %s as %s", method, path, who)
            .startsWith(ProblemAssertions.PROBLEM_JSON);
      }
    }
    softly.assertAll();
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private String announcedRound() {
    return ApiSupport.announcedRound(http);
  }

  private String openRound() {
    return ApiSupport.openRound(http);
  }

  private String draft() {
    return ApiSupport.draft(http, problemBody("Matrix problem"));
  }

  private String published() {
    return ApiSupport.published(http, problemBody("Matrix problem"));
  }

  private Map<String, Object> problemBody(String title) {
    return Fixtures.problem(round, title);
  }

  private Map<String, Object> edit() {
    return problemBody("Improved wording");
  }

  private static Map<String, Object> note() {
    return Map.of("note", "We see this too");
  }

  private static Row row(String endpoint, String object, Supplier<String> id, Object body) {
    return new Row(endpoint, object, id, body, Map.of());
  }

  /**
   * One line of the table.
   *
   * @param id the id of the object the path names, made when the row is played; null for paths
   *     without one
   */
  record Row(
      String endpoint,
      String object,
      Supplier<String> id,
      Object body,
      Map<Who, Integer> expected) {

    /** The expected statuses in {@link Who}'s order. */
    Row expect(int... statuses) {
      assertThat(statuses)
          .as("one status per caller for %s", endpoint)
          .hasSize(Who.values().length);
      Map<Who, Integer> byCaller = new EnumMap<>(Who.class);
      for (Who who : Who.values()) {
        byCaller.put(who, statuses[who.ordinal()]);
      }
      return new Row(endpoint, object, id, body, byCaller);
    }
  }
}
