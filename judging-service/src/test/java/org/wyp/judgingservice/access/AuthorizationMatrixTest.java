package org.wyp.judgingservice.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.wyp.events.Uuids;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.EndpointInventory;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;

/**
 * Every endpoint of judging-service against every kind of caller, from one table: anonymous, each
 * role, and another judge (the right role, someone else's object). A row names its endpoint as
 * {@link EndpointInventory} reports it, so an endpoint without a row, or a row without an endpoint,
 * fails {@link #everyEndpointHasARowAndEveryRowAnEndpoint()}. An endpoint may have several rows
 * where the answer depends on the object's state (a running or a concluded round).
 *
 * <p>The fixtures are made once, through the API and submission events: a running round (screening
 * with judge A on its panel), a concluded round, a round to shortlist and a round to declare a
 * conflict in. Judge B is on no panel of those rounds; the SME is the one whose pitch is read.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** The callers of the matrix, in the table's column order. */
  enum Who {
    ANONYMOUS,
    ORGANISER,
    PROBLEM_OWNER,
    SME,
    JUDGE,
    OTHER_JUDGE,
    OPS
  }

  /**
   * An expected answer: a status, and for object-level refusals the problem's slug ({@code
   * 403:judge-mismatch}).
   */
  record Expect(int status, String slug) {

    static Expect parse(String text) {
      String[] parts = text.split(":", 2);
      return new Expect(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : null);
    }

    @Override
    public String toString() {
      return slug == null ? String.valueOf(status) : status + " " + slug;
    }
  }

  record Call(String method, String path, Object body) {}

  record Row(String endpoint, String when, Function<Fixture, Call> call, Map<Who, Expect> expect) {}

  /** The objects the rows act on. */
  record Fixture(
      UUID judge,
      UUID otherJudge,
      UUID sme,
      UUID running,
      UUID runningPitch,
      UUID untouchedPitch,
      UUID concluded,
      UUID toShortlist,
      UUID conflictPitch) {}

  private static final String SCREENING = "/stages/SCREENING";
  private static final Map<String, Object> RUBRIC = JudgingSupport.rubric("NONE", 1, 1);

  /**
   * The table. Each row's answers, in column order: anonymous, organiser, problem owner, SME, judge
   * (A, its own objects), other judge (B, A's objects), ops.
   */
  static List<Row> table() {
    List<Row> rows = new ArrayList<>();
    // Judges and their conflicts.
    rows.add(
        row(
            "POST /api/judges",
            f -> post("/api/judges", judgeBody("Dee Ray")),
            "401  201  403  403  403  403  403"));
    rows.add(
        row(
            "GET /api/judges/{judgeId}",
            f -> get("/api/judges/" + f.judge()),
            "401  200  403  403  200  404  403"));
    rows.add(
        row(
            "POST /api/judges/{judgeId}/conflicts",
            f ->
                post(
                    "/api/judges/" + f.judge() + "/conflicts",
                    Map.of("pitchId", f.conflictPitch().toString(), "reason", "Former employer")),
            "401  201  403  403  201  403:judge-mismatch  403"));
    // Rubrics, panels, assignments.
    rows.add(
        row(
            "PUT /api/rounds/{roundId}/stages/{stage}/rubric",
            f -> put("/api/rounds/" + f.running() + SCREENING + "/rubric", RUBRIC),
            "401  200  403  403  403  403  403"));
    rows.add(
        row(
            "GET /api/rounds/{roundId}/stages/{stage}/rubric",
            f -> get("/api/rounds/" + f.running() + SCREENING + "/rubric"),
            "401  200  403  403  200  200  403"));
    rows.add(
        row(
            "PUT /api/rounds/{roundId}/stages/{stage}/panel",
            f ->
                put(
                    "/api/rounds/" + f.running() + SCREENING + "/panel",
                    Map.of("judgeIds", List.of(f.judge().toString()))),
            "401  200  403  403  403  403  403"));
    rows.add(
        row(
            "GET /api/rounds/{roundId}/stages/{stage}/panel",
            f -> get("/api/rounds/" + f.running() + SCREENING + "/panel"),
            "401  200  403  403  403  403  403"));
    rows.add(
        row(
            "POST /api/rounds/{roundId}/stages/{stage}/assignments",
            f -> post("/api/rounds/" + f.running() + SCREENING + "/assignments", null),
            "401  200  403  403  403  403  403"));
    // Pitches: a judge reads those on its desk; the other judge's list is empty, not refused.
    rows.add(
        row(
            "GET /api/rounds/{roundId}/pitches",
            f -> get("/api/rounds/" + f.running() + "/pitches"),
            "401  200  403  403  200  200  403"));
    rows.add(
        row(
            "GET /api/pitches/{pitchId}",
            f -> get("/api/pitches/" + f.runningPitch()),
            "401  200  403  403  200  404  403"));
    // Scores: only the judge itself; an organiser does not score.
    rows.add(
        row(
            "PUT /api/pitches/{pitchId}/stages/{stage}/scores/{judgeId}",
            f ->
                put(
                    "/api/pitches/" + f.runningPitch() + SCREENING + "/scores/" + f.judge(),
                    Map.of("scores", Map.of("impact", 7, "team", 6), "comment", "Sound")),
            "401  403  403  403  201  403:judge-mismatch  403"));
    // Rankings, the chain and the decisions: organisers.
    rows.add(
        row(
            "GET /api/rounds/{roundId}/stages/{stage}/ranking",
            f -> get("/api/rounds/" + f.running() + SCREENING + "/ranking"),
            "401  200  403  403  403  403  403"));
    rows.add(
        row(
            "POST /api/rounds/{roundId}/stages/{stage}/shortlist",
            f -> post("/api/rounds/" + f.toShortlist() + SCREENING + "/shortlist", Map.of()),
            "401  200  403  403  403  403  403"));
    rows.add(
        row(
            "POST /api/rounds/{roundId}/conclude",
            "concluded already",
            f -> post("/api/rounds/" + f.concluded() + "/conclude", null),
            "401  200  403  403  403  403  403"));
    rows.add(
        row(
            "GET /api/rounds/{roundId}/chain",
            f -> get("/api/rounds/" + f.running() + "/chain"),
            "401  200  403  403  403  403  403"));
    // Public results once concluded; before that, nobody but organisers learns anything.
    rows.add(
        row(
            "GET /api/rounds/{roundId}/conclusion",
            "concluded",
            f -> get("/api/rounds/" + f.concluded() + "/conclusion"),
            "200  200  200  200  200  200  200"));
    rows.add(
        row(
            "GET /api/rounds/{roundId}/conclusion",
            "running",
            f -> get("/api/rounds/" + f.running() + "/conclusion"),
            "404  404  404  404  404  404  404"));
    rows.add(
        row(
            "GET /api/rounds/{roundId}/chain/verify",
            "concluded",
            f -> get("/api/rounds/" + f.concluded() + "/chain/verify"),
            "200  200  200  200  200  200  200"));
    rows.add(
        row(
            "GET /api/rounds/{roundId}/chain/verify",
            "running",
            f -> get("/api/rounds/" + f.running() + "/chain/verify"),
            "404  200  404  404  404  404  404"));
    return rows;
  }

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired ApplicationContext context;

  private RecordSender sender;
  private Fixture fixture;
  private Map<Who, Http> callers;

  @BeforeAll
  void buildFixtures() {
    Http http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    JudgingSupport judging = new JudgingSupport(http, sender);
    UUID judge = judging.judge("Ann Jones");
    UUID otherJudge = judging.judge("Bob Smith");

    UUID running = UUID.randomUUID();
    SubmissionReceived received =
        JudgingSupport.received(Uuids.v7(), running, "Matrix Sensors Ltd", 0);
    UUID runningPitch = judging.pitch(received);
    UUID untouchedPitch = judging.pitch(running, 1);
    judging.rubric(running, "SCREENING", RUBRIC);
    judging.panel(running, "SCREENING", judge);
    http.as(TestTokens.organiser())
        .post("/api/rounds/" + running + "/stages/SCREENING/assignments", null);

    UUID concluded = UUID.randomUUID();
    UUID concludedPitch = judging.pitch(concluded, 0);
    judging.rubric(concluded, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(concluded, "FINALS", judge);
    judging.scored(concludedPitch, "FINALS", judge, 8, 8);
    Http.Response conclusion =
        http.as(TestTokens.organiser()).post("/api/rounds/" + concluded + "/conclude", null);
    assertThat(conclusion.status()).as(conclusion.toString()).isEqualTo(201);

    UUID toShortlist = UUID.randomUUID();
    judging.pitch(toShortlist, 0);
    judging.rubric(toShortlist, "SCREENING", RUBRIC);

    UUID conflictRound = UUID.randomUUID();
    UUID conflictPitch = judging.pitch(conflictRound, 0);
    judging.rubric(conflictRound, "SCREENING", RUBRIC);
    judging.panel(conflictRound, "SCREENING", judge);

    fixture =
        new Fixture(
            judge,
            otherJudge,
            received.smeId(),
            running,
            runningPitch,
            untouchedPitch,
            concluded,
            toShortlist,
            conflictPitch);
    callers = new EnumMap<>(Who.class);
    callers.put(Who.ANONYMOUS, http.anonymous());
    callers.put(Who.ORGANISER, http.as(TestTokens.organiser()));
    callers.put(Who.PROBLEM_OWNER, http.as(TestTokens.problemOwner("Liverpool City Council")));
    callers.put(Who.SME, http.as(TestTokens.sme(fixture.sme())));
    callers.put(Who.JUDGE, http.as(TestTokens.judge(judge)));
    callers.put(Who.OTHER_JUDGE, http.as(TestTokens.judge(otherJudge)));
    callers.put(Who.OPS, http.as(TestTokens.ops()));
  }

  @AfterAll
  void closeSender() {
    sender.close();
  }

  @Test
  void everyEndpointHasARowAndEveryRowAnEndpoint() {
    Set<String> declared = EndpointInventory.of(context, "/api/");
    Set<String> covered = new TreeSet<>();
    table().forEach(row -> covered.add(row.endpoint()));

    assertThat(covered).as("rows naming no endpoint").isSubsetOf(declared);
    assertThat(declared).as("endpoints without a row").isSubsetOf(covered);
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsExactlyTheExpectedAnswer() {
    return table().stream()
        .flatMap(
            row ->
                row.expect().entrySet().stream()
                    .map(
                        cell ->
                            DynamicTest.dynamicTest(
                                "%s%s as %s: %s"
                                    .formatted(
                                        row.endpoint(),
                                        row.when() == null ? "" : " (" + row.when() + ")",
                                        cell.getKey(),
                                        cell.getValue()),
                                () -> check(row, cell.getKey(), cell.getValue()))));
  }

  @Test
  void expiredForeignAndForgedTokensAreRefusedAndRecordNothing() {
    String path =
        "/api/pitches/" + fixture.untouchedPitch() + SCREENING + "/scores/" + fixture.judge();
    Map<String, Object> score = Map.of("scores", Map.of("impact", 9, "team", 9));
    List<String> judgeRole = List.of("JUDGE");
    Map<String, Object> boundToA = Map.of("judge_id", fixture.judge().toString());
    Http nobody = callers.get(Who.ANONYMOUS);

    // Not to be trusted at all: 401, as without a token.
    for (String token :
        List.of(
            TestTokens.expired(judgeRole, boundToA),
            TestTokens.signedByOtherKey(judgeRole, boundToA),
            TestTokens.fromOtherIssuer(judgeRole, boundToA),
            "not-a-jwt")) {
      assertUnauthenticated(nobody.as(token).put(path, score, Map.of()));
    }
    assertUnauthenticated(
        nobody
            .as(TestTokens.signedByOtherKey(List.of("ORGANISER"), Map.of()))
            .post("/api/judges", judgeBody("Forged Judge")));
    // A bad token is refused on a public read too, rather than read as anonymous.
    assertUnauthenticated(
        nobody
            .as(TestTokens.expired(List.of(), Map.of()))
            .get("/api/rounds/" + fixture.concluded() + "/conclusion"));

    // Trusted, but its binding does not make it judge A: 403 with why.
    assertForbidden(
        nobody.as(TestTokens.judge(fixture.otherJudge())).put(path, score, Map.of()),
        "judge-mismatch");
    assertForbidden(
        nobody.as(TestTokens.token("judge-x", judgeRole, Map.of())).put(path, score, Map.of()),
        "not-a-judge");
    assertForbidden(
        nobody
            .as(TestTokens.token("judge-y", judgeRole, Map.of("judge_id", "not-a-uuid")))
            .put(path, score, Map.of()),
        "not-a-judge");

    List<String> scored =
        callers
            .get(Who.ORGANISER)
            .get("/api/rounds/" + fixture.running() + "/chain")
            .json()
            .path("entries")
            .valueStream()
            .filter(e -> e.path("kind").asString().equals("SCORE"))
            .map(e -> e.path("data").path("pitchId").asString())
            .toList();
    assertThat(scored).doesNotContain(fixture.untouchedPitch().toString());
  }

  private static void assertUnauthenticated(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.text("type")).isEqualTo("/problems/unauthenticated");
  }

  private static void assertForbidden(Http.Response response, String slug) {
    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.text("type")).isEqualTo("/problems/" + slug);
  }

  private void check(Row row, Who who, Expect expected) {
    Call call = row.call().apply(fixture);
    Http.Response response =
        callers.get(who).send(call.method(), call.path(), call.body(), Map.of());
    assertThat(response.status())
        .as("%s %s as %s: %s", call.method(), call.path(), who, response)
        .isEqualTo(expected.status());
    if (expected.slug() != null) {
      assertThat(response.text("type")).isEqualTo("/problems/" + expected.slug());
    }
  }

  private static Row row(String endpoint, Function<Fixture, Call> call, String answers) {
    return row(endpoint, null, call, answers);
  }

  private static Row row(
      String endpoint, String when, Function<Fixture, Call> call, String answers) {
    String[] expected = answers.trim().split("\\s+");
    Who[] columns = Who.values();
    if (expected.length != columns.length) {
      throw new IllegalArgumentException(endpoint + ": one expectation per caller");
    }
    Map<Who, Expect> expect = new EnumMap<>(Who.class);
    for (int i = 0; i < columns.length; i++) {
      expect.put(columns[i], Expect.parse(expected[i]));
    }
    return new Row(endpoint, when, call, expect);
  }

  private static Call get(String path) {
    return new Call("GET", path, null);
  }

  private static Call post(String path, Object body) {
    return new Call("POST", path, body);
  }

  private static Call put(String path, Object body) {
    return new Call("PUT", path, body);
  }

  private static Map<String, Object> judgeBody(String name) {
    Map<String, Object> judge = new LinkedHashMap<>();
    judge.put("name", name);
    judge.put("organisation", "Liverpool City Region CA");
    judge.put("expertise", List.of("housing"));
    judge.put("affiliations", List.of());
    return judge;
  }
}
