package org.wyp.awardservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.awardservice.AwardFixtures.configure;
import static org.wyp.awardservice.AwardFixtures.finals;
import static org.wyp.awardservice.AwardFixtures.fund;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.EndpointInventory;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what, from one table: every endpoint the service declares, called by every kind of
 * caller, answers exactly the status its row says. The table must name exactly the endpoints the
 * controllers declare, so an endpoint added without a row (or a row left behind) fails. The objects
 * are made through the real API and judging's real conclusion event, once for the class; every call
 * that would change an award gets an award of its own.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** The callers of every row; {@link #OTHER_SME} is the right role, but not the award's SME. */
  enum Who {
    ANONYMOUS,
    ORGANISER,
    PROBLEM_OWNER,
    SME,
    JUDGE,
    OPS,
    OTHER_SME
  }

  /** A request a row sends; {@code body} may be null. */
  record Call(String method, String path, Object body) {}

  /** An endpoint's request, made afresh per caller, and the status each caller gets. */
  record Row(Function<AuthorizationMatrixTest, Call> call, Map<Who, Integer> expected) {}

  private static final Map<String, Row> MATRIX = new LinkedHashMap<>();
  private static final Map<String, String> REVOKE = Map.of("reason", "Checked");

  static {
    // Statuses per caller, in the order of Who:
    //   ANONYMOUS ORGANISER PROBLEM_OWNER SME JUDGE OPS OTHER_SME
    row(
        "PUT /api/funds/{roundId}",
        "401 201 403 403 403 403 403",
        t -> new Call("PUT", "/api/funds/" + UUID.randomUUID(), fund(10_000, 1, "EQUAL_SPLIT")));
    row(
        "GET /api/funds/{roundId}",
        "401 200 403 403 403 403 403",
        t -> new Call("GET", "/api/funds/" + t.roundId, null));
    row(
        "GET /api/rounds/{roundId}/360giving",
        "200 200 200 200 200 200 200",
        t -> new Call("GET", "/api/rounds/" + t.roundId + "/360giving", null));
    row(
        "GET /api/awards",
        "401 200 403 200 403 403 200",
        t -> new Call("GET", "/api/awards?roundId=" + t.roundId, null));
    row(
        "GET /api/awards/{id}",
        "401 200 403 200 403 403 404",
        t -> new Call("GET", "/api/awards/" + t.readable, null));
    row(
        "POST /api/awards/{id}/accept",
        "401 403 403 200 403 403 404",
        t -> new Call("POST", "/api/awards/" + t.granted.pop() + "/accept", null));
    row(
        "POST /api/awards/{id}/tranches/{number}/release",
        "401 200 403 403 403 403 403",
        t -> new Call("POST", "/api/awards/" + t.accepted.pop() + "/tranches/1/release", null));
    row(
        "POST /api/awards/{id}/revoke",
        "401 200 403 403 403 403 403",
        t -> new Call("POST", "/api/awards/" + t.granted.pop() + "/revoke", REVOKE));
  }

  private static void row(
      String endpoint, String statuses, Function<AuthorizationMatrixTest, Call> call) {
    String[] each = statuses.split(" ");
    assertThat(each).as("one status per caller in %s", endpoint).hasSize(Who.values().length);
    Map<Who, Integer> expected = new EnumMap<>(Who.class);
    for (Who who : Who.values()) {
      expected.put(who, Integer.parseInt(each[who.ordinal()]));
    }
    assertThat(MATRIX.put(endpoint, new Row(call, expected))).as(endpoint).isNull();
  }

  /** Enough fresh awards for every changing call of the table and the tests beside it. */
  private static final int OWN_AWARDS = 30;

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired ApplicationContext context;

  Http http;
  RecordSender sender;
  UUID roundId;
  UUID sme;
  UUID otherSme;

  /** An award of {@link #sme} that no call changes. */
  String readable;

  /** The award of {@link #otherSme}. */
  String othersAward;

  final Deque<String> granted = new ArrayDeque<>();
  final Deque<String> accepted = new ArrayDeque<>();

  /**
   * One round whose finals ranked {@value #OWN_AWARDS} pitches of one SME and one of another,
   * funded so that each gets an award; a third of the SME's awards are accepted by it.
   */
  @BeforeAll
  void makeTheRound() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    roundId = UUID.randomUUID();
    sme = UUID.randomUUID();
    otherSme = UUID.randomUUID();
    Http organiser = http.as(TestTokens.organiser());
    assertThat(
            configure(
                    organiser,
                    roundId,
                    fund((OWN_AWARDS + 1) * 1_000_00L, OWN_AWARDS + 1, "EQUAL_SPLIT"))
                .status())
        .isEqualTo(201);
    List<RankedPitch> ranking = new ArrayList<>();
    ranking.add(pitch(otherSme, 1));
    for (int rank = 2; rank <= OWN_AWARDS + 1; rank++) {
      ranking.add(pitch(sme, rank));
    }
    sender.send(finals(roundId, ranking));
    String list = "/api/awards?size=100&roundId=" + roundId;
    await()
        .untilAsserted(
            () ->
                assertThat(organiser.get(list).json().path("totalElements").asInt())
                    .isEqualTo(OWN_AWARDS + 1));
    for (JsonNode award : organiser.get(list).json().path("content")) {
      String id = award.path("id").asString();
      if (award.path("smeId").asString().equals(otherSme.toString())) {
        othersAward = id;
      } else {
        granted.add(id);
      }
    }
    readable = granted.pop();
    Http asSme = http.as(TestTokens.sme(sme));
    for (int i = 0; i < OWN_AWARDS / 3; i++) {
      String id = granted.pop();
      assertThat(asSme.post("/api/awards/" + id + "/accept", null).status()).isEqualTo(200);
      accepted.add(id);
    }
  }

  @AfterAll
  void closeSender() {
    sender.close();
  }

  private static RankedPitch pitch(UUID smeId, int rank) {
    return new RankedPitch(
        UUID.randomUUID(), UUID.randomUUID(), smeId, rank, 90.0 - rank, null, 3, 70.0, 0);
  }

  private Http as(Who who) {
    return switch (who) {
      case ANONYMOUS -> http.anonymous();
      case ORGANISER -> http.as(TestTokens.organiser());
      case PROBLEM_OWNER -> http.as(TestTokens.problemOwner("Leeds City Council"));
      case SME -> http.as(TestTokens.sme(sme));
      case JUDGE -> http.as(TestTokens.judge(UUID.randomUUID()));
      case OPS -> http.as(TestTokens.ops());
      case OTHER_SME -> http.as(TestTokens.sme(otherSme));
    };
  }

  @Test
  void theTableHasOneRowPerEndpointTheServiceDeclares() {
    assertThat(MATRIX.keySet())
        .containsExactlyInAnyOrderElementsOf(EndpointInventory.of(context, "/api/"));
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheTableSays() {
    return MATRIX.entrySet().stream()
        .flatMap(
            entry ->
                Arrays.stream(Who.values())
                    .map(
                        who -> {
                          int expected = entry.getValue().expected().get(who);
                          return DynamicTest.dynamicTest(
                              entry.getKey() + " as " + who + " → " + expected,
                              () -> {
                                Call call = entry.getValue().call().apply(this);
                                Http.Response response =
                                    as(who).send(call.method(), call.path(), call.body(), Map.of());
                                assertThat(response.status())
                                    .as(
                                        "%s %s as %s: %s",
                                        call.method(), call.path(), who, response)
                                    .isEqualTo(expected);
                              });
                        }));
  }

  @Test
  void anSmeListsOnlyItsOwnAwardsWhateverSmeIdItAsksFor() {
    String round = "/api/awards?size=100&roundId=" + roundId;
    JsonNode own = as(Who.SME).get(round).json();
    assertThat(own.path("content").findValuesAsString("smeId"))
        .isNotEmpty()
        .containsOnly(sme.toString());
    assertThat(own.path("content").findValuesAsString("id")).doesNotContain(othersAward);

    JsonNode others = as(Who.SME).get(round + "&smeId=" + otherSme).json();
    assertThat(others.path("content").size()).isZero();
    assertThat(others.path("totalElements").asLong()).isZero();
    assertThat(as(Who.SME).get("/api/awards?smeId=" + sme).json().path("totalElements").asLong())
        .isEqualTo(own.path("totalElements").asLong());

    assertThat(as(Who.OTHER_SME).get(round).json().path("content").findValuesAsString("id"))
        .containsExactly(othersAward);
    assertThat(as(Who.ORGANISER).get(round).json().path("totalElements").asInt())
        .isEqualTo(OWN_AWARDS + 1);
  }

  @Test
  void anSmeTokenWithoutAnSmeIdBindsNoAwards() {
    Http unbound = http.as(TestTokens.token("sme-unbound", List.of("SME"), Map.of()));
    assertProblem(unbound.get("/api/awards?roundId=" + roundId), 403, "not-an-sme");
    assertProblem(unbound.get("/api/awards/" + readable), 403, "not-an-sme");
    assertProblem(unbound.post("/api/awards/" + readable + "/accept", null), 403, "not-an-sme");
    Http notUuid =
        http.as(TestTokens.token("sme-odd", List.of("SME"), Map.of("sme_id", "sme-" + sme)));
    assertProblem(notUuid.post("/api/awards/" + readable + "/accept", null), 403, "not-an-sme");
    assertThat(status(readable)).isEqualTo("GRANTED");
  }

  @Test
  void expiredForgedAndForeignTokensAreRefusedAndChangeNothing() {
    String award = granted.pop();
    String accept = "/api/awards/" + award + "/accept";
    List<String> roles = List.of("SME");
    Map<String, Object> binding = Map.of("sme_id", sme.toString());
    assertProblem(
        http.as(TestTokens.expired(roles, binding)).post(accept, null), 401, "unauthenticated");
    assertProblem(
        http.as(TestTokens.signedByOtherKey(roles, binding)).post(accept, null),
        401,
        "unauthenticated");
    assertProblem(
        http.as(TestTokens.fromOtherIssuer(roles, binding)).post(accept, null),
        401,
        "unauthenticated");
    assertProblem(http.as("not.a.jwt").post(accept, null), 401, "unauthenticated");
    // A genuine token of another SME cannot accept this SME's award, nor learn that it exists.
    assertProblem(as(Who.OTHER_SME).post(accept, null), 404, "not-found");
    assertThat(status(award)).isEqualTo("GRANTED");

    List<String> organiser = List.of("ORGANISER");
    String release = "/api/awards/" + accepted.pop() + "/tranches/1/release";
    assertProblem(
        http.as(TestTokens.signedByOtherKey(organiser, Map.of())).post(release, null),
        401,
        "unauthenticated");
    assertProblem(
        http.as(TestTokens.expired(organiser, Map.of())).post(release, null),
        401,
        "unauthenticated");
    UUID forgedRound = UUID.randomUUID();
    assertProblem(
        configure(
            http.as(TestTokens.fromOtherIssuer(organiser, Map.of())),
            forgedRound,
            fund(10_000, 1, "EQUAL_SPLIT")),
        401,
        "unauthenticated");
    assertProblem(as(Who.ORGANISER).get("/api/funds/" + forgedRound), 404, "not-found");
    // Even the open-data export refuses a bad token rather than treating its caller as anonymous.
    assertProblem(
        http.as(TestTokens.expired(organiser, Map.of()))
            .get("/api/rounds/" + roundId + "/360giving"),
        401,
        "unauthenticated");
  }

  @Test
  void anOrganiserCannotAcceptOnAnSmesBehalf() {
    String award = granted.pop();
    assertProblem(
        as(Who.ORGANISER).post("/api/awards/" + award + "/accept", null), 403, "forbidden");
    assertThat(status(award)).isEqualTo("GRANTED");
  }

  @Test
  void theAwardedSmeSeesWhyItsAwardWasRevoked() {
    String award = granted.pop();
    Http.Response revoked =
        as(Who.ORGANISER).post("/api/awards/" + award + "/revoke", Map.of("reason", "Dissolved"));
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    JsonNode seen = as(Who.SME).get("/api/awards/" + award).json();
    assertThat(seen.path("status").asString()).isEqualTo("REVOKED");
    assertThat(seen.path("revokeReason").asString()).isEqualTo("Dissolved");
  }

  private String status(String award) {
    return as(Who.ORGANISER).get("/api/awards/" + award).json().path("status").asString();
  }
}
