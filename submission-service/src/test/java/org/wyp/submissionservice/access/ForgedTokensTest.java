package org.wyp.submissionservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.submissionservice.ProgrammeSupport;

/**
 * Tokens that must not let anyone act as an SME: expired, signed by a key the service does not
 * trust, from another issuer, not a token at all (401), or valid but binding another SME, no SME or
 * the wrong role (403). None of them stores or publishes anything; the SME's own token then works.
 */
@ServiceIntegrationTest
class ForgedTokensTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;
  ProgrammeSupport programme;
  UUID problemId;
  UUID smeId;
  Map<String, Object> claims;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    programme = new ProgrammeSupport(http, sender, mongo);
    problemId = programme.publishedProblem(programme.openRound());
    smeId = programme.registeredSme();
    claims = Map.of("sme_id", smeId.toString());
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void tokensTheIssuerDidNotMintForNowAre401AndChangeNothing() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("expired", TestTokens.expired(List.of("SME"), claims));
    refused.put("forged sme_id, signed by another key", signedByOtherKey());
    refused.put("another issuer", TestTokens.fromOtherIssuer(List.of("SME"), claims));
    refused.put("not a JWT", "not.a.jwt");
    refused.put("unsigned", unsigned());

    refused.forEach(
        (what, token) -> {
          Http forger = http.as(token);
          assertProblem(
              forger.post("/api/submissions", pitch(problemId, smeId, "Forged")),
              401,
              "unauthenticated");
          assertProblem(forger.post("/api/smes", smeBody()), 401, "unauthenticated");
          assertThat(forger.get("/api/submissions?smeId=" + smeId).status())
              .as(what)
              .isEqualTo(401);
        });

    assertThat(pitchesOf(smeId)).isZero();
    assertThat(forgedSmes()).isZero();
    assertOwnTokenStillSubmits();
  }

  @Test
  void validTokensThatDoNotBindThisSmeAre403AndChangeNothing() {
    UUID otherSme = programme.registeredSme();
    assertProblem(
        programme.asSme(otherSme).post("/api/submissions", pitch(problemId, smeId, "Not mine")),
        403,
        "sme-mismatch");
    // An SME user's token without its binding, or with one that is no id, binds no SME.
    for (Object binding : new Object[] {null, "", "not-a-uuid", 42}) {
      Map<String, Object> claim = new LinkedHashMap<>();
      if (binding != null) {
        claim.put("sme_id", binding);
      }
      Http unbound = http.as(TestTokens.token("sme-user", List.of("SME"), claim));
      assertProblem(
          unbound.post("/api/submissions", pitch(problemId, smeId, "Unbound")), 403, "not-an-sme");
      assertProblem(unbound.post("/api/smes", smeBody()), 403, "not-an-sme");
    }
    // The binding claim without the SME role is no SME either, whatever other role it has.
    for (String role : List.of("ORGANISER", "JUDGE", "PROBLEM_OWNER", "OPS", "SUPERUSER")) {
      Http notAnSme = http.as(TestTokens.token("not-an-sme", List.of(role), claims));
      assertThat(notAnSme.post("/api/submissions", pitch(problemId, smeId, "Wrong role")).status())
          .as(role)
          .isEqualTo(403);
    }

    assertThat(pitchesOf(smeId)).isZero();
    assertThat(forgedSmes()).isZero();
    assertOwnTokenStillSubmits();
  }

  private void assertOwnTokenStillSubmits() {
    Http.Response own =
        programme.asSme(smeId).post("/api/submissions", pitch(problemId, smeId, "Mine"));
    assertThat(own.status()).as(own.toString()).isEqualTo(201);
    assertThat(pitchesOf(smeId)).isEqualTo(1);
  }

  /** A forger's token naming this SME, signed with a key of its own. */
  private String signedByOtherKey() {
    return TestTokens.signedByOtherKey(List.of("SME"), claims);
  }

  /** A trusted token's header and claims with {@code alg: none} and no signature. */
  private String unsigned() {
    String[] parts = TestTokens.sme(smeId).split("\\.");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    return none + "." + parts[1] + ".";
  }

  private long pitchesOf(UUID sme) {
    return mongo.count(Query.query(where("smeId").is(sme.toString())), "submissions");
  }

  private long forgedSmes() {
    return mongo.count(Query.query(where("companyName").regex("^Forged Sensors ")), "smes");
  }

  private static Map<String, Object> smeBody() {
    Map<String, Object> sme = new LinkedHashMap<>();
    sme.put("companyName", "Forged Sensors " + UUID.randomUUID() + " Ltd");
    sme.put("companyNumber", "FS%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000)));
    sme.put("employees", 12);
    sme.put("turnoverPence", 85_000_000L);
    sme.put("postcode", "L1 8JQ");
    sme.put("contactName", "Aisha Okafor");
    sme.put("contactEmail", "aisha@forged.example.co.uk");
    return sme;
  }
}
