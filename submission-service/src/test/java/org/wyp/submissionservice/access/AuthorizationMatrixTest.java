package org.wyp.submissionservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.EndpointInventory;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ProblemAssertions;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.submissionservice.ProgrammeSupport;

/**
 * Every endpoint of submission-service × every kind of caller → the exact status, from one table. A
 * caller is anonymous, one of the roles, the SME that owns the object (or, where nothing is owned,
 * an SME), or another registered SME acting on that object. The table's endpoints must be exactly
 * those the controllers declare, so an endpoint added without a row fails here.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** The columns of the table. */
  enum Who {
    ANONYMOUS,
    ORGANISER,
    PROBLEM_OWNER,
    JUDGE,
    OPS,
    /** The owning SME; on endpoints without an owner, an SME. */
    SME,
    /** A registered SME, not the owner, acting on the owner's object. */
    OTHER_SME
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;
  ProgrammeSupport programme;
  Map<Who, Http> callers;

  UUID roundId;
  UUID problemId;
  UUID freshProblemId;
  UUID smeId;
  UUID otherSmeId;
  String submissionId;
  String withdrawableId;

  /** Everything the rows need, once: a round, problems, two SMEs and the first's pitches. */
  @BeforeAll
  void fixtures() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    programme = new ProgrammeSupport(http, sender, mongo);
    roundId = programme.openRound();
    problemId = programme.publishedProblem(roundId);
    UUID secondProblemId = programme.publishedProblem(roundId);
    freshProblemId = programme.publishedProblem(roundId);
    smeId = programme.registeredSme();
    otherSmeId = programme.registeredSme();
    submissionId = submitted(smeId, problemId);
    withdrawableId = submitted(smeId, secondProblemId);
    submitted(otherSmeId, problemId);

    callers = new LinkedHashMap<>();
    callers.put(Who.ANONYMOUS, http);
    callers.put(Who.ORGANISER, http.as(TestTokens.organiser()));
    callers.put(Who.PROBLEM_OWNER, http.as(TestTokens.problemOwner("Alder Hey")));
    callers.put(Who.JUDGE, http.as(TestTokens.judge(UUID.randomUUID())));
    callers.put(Who.OPS, http.as(TestTokens.ops()));
    callers.put(Who.SME, programme.asSme(smeId));
    callers.put(Who.OTHER_SME, programme.asSme(otherSmeId));
  }

  @AfterAll
  void closeSender() {
    sender.close();
  }

  /**
   * The matrix: per endpoint, the status each caller gets, in the columns of {@link Who}. A dash:
   * no such caller (nothing is owned, so there is no one else's object).
   */
  private static final String TABLE =
      """
      endpoint                                        anon org p.owner judge ops sme other-sme
      POST /api/smes                                  401  403   403    403  403 201     -
      GET /api/smes/{id}                              401  200   403    403  403 200    404
      GET /api/smes                                   401  200   403    403  403 403     -
      POST /api/submissions                           401  403   403    403  403 201    403
      PUT /api/submissions/{id}                       401  403   403    403  403 200    404
      POST /api/submissions/{id}/withdraw             401  403   403    403  403 200    404
      GET /api/submissions/{id}                       401  200   403    403  403 200    404
      GET /api/submissions                            401  200   403    403  403 200    200
      GET /api/problems/{problemId}/submission-count  200  200   200    200  200 200     -
      GET /api/rounds/{roundId}/submission-counts     200  200   200    200  200 200     -
      """;

  /** How each row's endpoint is called, on the fixtures, by a caller. */
  private Map<String, Call> calls() {
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("POST /api/smes", (who, as) -> registering(who, as).post("/api/smes", smeBody()));
    calls.put("GET /api/smes/{id}", (who, as) -> as.get("/api/smes/" + smeId));
    calls.put("GET /api/smes", (who, as) -> as.get("/api/smes"));
    // The owner's pitch, whoever sends it: another SME naming the owner is refused.
    calls.put(
        "POST /api/submissions",
        (who, as) -> as.post("/api/submissions", pitch(freshProblemId, smeId, "Matrix")));
    // Each SME names itself, so the other one is refused for the pitch, not for its body.
    calls.put(
        "PUT /api/submissions/{id}",
        (who, as) ->
            as.put(
                "/api/submissions/" + submissionId,
                pitch(problemId, smeOf(who), "Amended"),
                Map.of("If-Match", "*")));
    calls.put(
        "POST /api/submissions/{id}/withdraw",
        (who, as) -> as.post("/api/submissions/" + withdrawableId + "/withdraw", null));
    calls.put("GET /api/submissions/{id}", (who, as) -> as.get("/api/submissions/" + submissionId));
    // The other SME asks for the owner's pitches: an empty page, not an error.
    calls.put("GET /api/submissions", (who, as) -> as.get("/api/submissions?smeId=" + smeId));
    calls.put(
        "GET /api/problems/{problemId}/submission-count",
        (who, as) -> as.get("/api/problems/" + problemId + "/submission-count"));
    calls.put(
        "GET /api/rounds/{roundId}/submission-counts",
        (who, as) -> as.get("/api/rounds/" + roundId + "/submission-counts"));
    return calls;
  }

  /** The table's rows, in order: endpoint → the expected status per caller. */
  private static Map<String, Map<Who, Integer>> rows() {
    Map<String, Map<Who, Integer>> rows = new LinkedHashMap<>();
    TABLE
        .lines()
        .skip(1)
        .forEach(
            line -> {
              String[] cells = line.trim().split("\\s+");
              assertThat(cells)
                  .as("method, path and a status per caller: %s", line)
                  .hasSize(2 + Who.values().length);
              Map<Who, Integer> expected = new LinkedHashMap<>();
              for (Who who : Who.values()) {
                String cell = cells[2 + who.ordinal()];
                if (!cell.equals("-")) {
                  expected.put(who, Integer.valueOf(cell));
                }
              }
              assertThat(rows.put(cells[0] + " " + cells[1], expected))
                  .as("duplicate row %s", line)
                  .isNull();
            });
    return rows;
  }

  @Test
  void theTableHasARowForEveryEndpointAndAnEndpointForEveryRow() {
    assertThat(rows().keySet())
        .as("rows of the authorization matrix against the endpoints the controllers declare")
        .containsExactlyInAnyOrderElementsOf(EndpointInventory.of(context, "/api/"));
    assertThat(calls().keySet()).containsExactlyInAnyOrderElementsOf(rows().keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointAnswersEachCallerAsTheTableSays() {
    Map<String, Call> calls = calls();
    List<DynamicTest> cells = new ArrayList<>();
    rows()
        .forEach(
            (endpoint, expected) ->
                expected.forEach(
                    (who, status) ->
                        cells.add(
                            DynamicTest.dynamicTest(
                                endpoint + " as " + who + " → " + status,
                                () -> assertAnswers(calls.get(endpoint), endpoint, who, status)))));
    return cells.stream();
  }

  private void assertAnswers(Call call, String endpoint, Who who, int status) {
    assertThat(call).as("how to call %s", endpoint).isNotNull();
    Http.Response response = call.send(who, callers.get(who));
    assertThat(response.status()).as("%s as %s: %s", endpoint, who, response).isEqualTo(status);
    if (status >= 400) {
      assertThat(response.header("Content-Type")).startsWith(ProblemAssertions.PROBLEM_JSON);
    }
  }

  /** A registration is the caller's own: a new SME user registers, not one registered already. */
  private Http registering(Who who, Http as) {
    return who == Who.SME ? http.as(TestTokens.sme(UUID.randomUUID())) : as;
  }

  /** The SME a caller would name as itself; callers that are no SME name the owner. */
  private UUID smeOf(Who who) {
    return who == Who.OTHER_SME ? otherSmeId : smeId;
  }

  private static Map<String, Object> smeBody() {
    Map<String, Object> sme = new LinkedHashMap<>();
    sme.put("companyName", "Matrix Sensors " + UUID.randomUUID() + " Ltd");
    sme.put("companyNumber", "MX%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000)));
    sme.put("employees", 12);
    sme.put("turnoverPence", 85_000_000L);
    sme.put("postcode", "L1 8JQ");
    sme.put("contactName", "Aisha Okafor");
    sme.put("contactEmail", "aisha@matrix.example.co.uk");
    return sme;
  }

  private String submitted(UUID sme, UUID problem) {
    Http.Response created =
        programme.asSme(sme).post("/api/submissions", pitch(problem, sme, "Fixture"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  @FunctionalInterface
  interface Call {
    Http.Response send(Who who, Http as);
  }
}
