package org.wyp.submissionservice.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.ProblemAssertions.errorFields;
import static org.wyp.submissionservice.sme.SmeFixtures.asNewSme;
import static org.wyp.submissionservice.sme.SmeFixtures.asOrganiser;
import static org.wyp.submissionservice.sme.SmeFixtures.ids;
import static org.wyp.submissionservice.sme.SmeFixtures.registered;
import static org.wyp.submissionservice.sme.SmeFixtures.sme;
import static org.wyp.submissionservice.sme.SmeFixtures.storedNamed;
import static org.wyp.submissionservice.sme.SmeFixtures.storedWithNumber;
import static org.wyp.submissionservice.sme.SmeFixtures.strings;
import static org.wyp.submissionservice.sme.SmeFixtures.uniqueCompanyNumber;
import static org.wyp.submissionservice.sme.SmeFixtures.uniqueName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** The SME API on the real server: registration, eligibility, one SME per company, reads. */
@ServiceIntegrationTest
class SmeApiTest {

  @LocalServerPort int port;

  @Autowired MongoTemplate mongo;

  @Autowired SmeService smes;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
  }

  @Test
  void registeringAnswers201WithLocationETagAndTheNormalisedView() {
    String name = uniqueName();
    String number = uniqueCompanyNumber().substring(2);
    Map<String, Object> request = sme("  " + name + " ", "  sc" + number + " ");
    request.put("postcode", " ch415lh ");
    Instant before = Instant.now().minusMillis(1);
    UUID smeId = UUID.randomUUID();
    Http asSme = http.as(TestTokens.sme(smeId));

    Http.Response created = asSme.post("/api/smes", request);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asString();
    assertThat(id).as("the id the token's sme_id binds").isEqualTo(smeId.toString());
    assertThat(created.header("Location")).endsWith("/api/smes/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(body.path("companyName").asString()).isEqualTo(name);
    assertThat(body.path("companyNumber").asString()).isEqualTo("SC" + number);
    assertThat(body.path("employees").asInt()).isEqualTo(12);
    assertThat(body.path("turnoverPence").asLong()).isEqualTo(85_000_000L);
    assertThat(body.path("postcode").asString()).isEqualTo("CH41 5LH");
    assertThat(body.path("postcodeArea").asString()).isEqualTo("CH");
    assertThat(body.path("contactName").asString()).isEqualTo("Aisha Okafor");
    assertThat(body.path("contactEmail").asString())
        .isEqualTo("aisha@breathe-sensors.example.co.uk");
    assertThat(body.path("website").asString()).isEqualTo("https://breathe-sensors.example.co.uk");
    assertThat(body.path("eligible").asBoolean()).isTrue();
    assertThat(body.path("ineligibleReasons").isArray()).isTrue();
    assertThat(body.path("ineligibleReasons").size()).isZero();
    assertThat(body.path("version").asLong()).isEqualTo(1);
    assertThat(Instant.parse(body.path("registeredAt").asString()))
        .isBetween(before, Instant.now().plusSeconds(1));

    Http.Response fetched =
        asSme.get(created.header("Location").replaceFirst("^https?://[^/]+", ""));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.header("ETag")).isEqualTo("\"1\"");
    assertThat(fetched.json()).isEqualTo(body);

    Document stored = mongo.findById(id, Document.class, Smes.COLLECTION);
    assertThat(stored.getString("companyNumber")).isEqualTo("SC" + number);
    assertThat(stored.getString("postcode")).isEqualTo("CH41 5LH");
    assertThat(stored.getString("postcodeArea")).isEqualTo("CH");
  }

  @Test
  void theLeadsApiFindsTheRegisteredSme() {
    JsonNode body = registered(http, sme());
    SmeId id = new SmeId(UUID.fromString(body.path("id").asString()));

    Sme sme = smes.get(id);

    assertThat(sme.smeId()).isEqualTo(id);
    assertThat(sme.companyName()).isEqualTo(body.path("companyName").asString());
    assertThat(sme.companyNumber()).isEqualTo(body.path("companyNumber").asString());
    assertThat(sme.postcode()).isEqualTo("CH41 5LH");
    assertThat(sme.postcodeArea()).isEqualTo("CH");
    assertThat(sme.eligible()).isTrue();
    assertThat(sme.ineligibleReasons()).isEmpty();
    assertThat(sme.version()).isEqualTo(1);
  }

  @Test
  void postcodesAreReadInAnyCaseAndSpacing() {
    Map<String, String> expected =
        Map.of(
            "L18JQ", "L1 8JQ",
            "wa1 1aa", "WA1 1AA",
            "  Pr1   2he ", "PR1 2HE",
            "ec1a1bb", "EC1A 1BB");
    expected.forEach(
        (raw, canonical) -> {
          Map<String, Object> request = sme();
          request.put("postcode", raw);
          JsonNode body = registered(http, request);
          assertThat(body.path("postcode").asString()).as(raw).isEqualTo(canonical);
          assertThat(body.path("postcodeArea").asString())
              .as(raw)
              .isEqualTo(canonical.replaceFirst("[0-9].*", ""));
        });
  }

  @Test
  void theWebsiteIsOptional() {
    Map<String, Object> without = sme();
    without.remove("website");
    JsonNode body = registered(http, without);
    assertThat(body.path("website").isNull()).isTrue();

    Map<String, Object> blank = sme();
    blank.put("website", " ");
    assertThat(registered(http, blank).path("website").isNull()).isTrue();

    Map<String, Object> upperCase = sme();
    upperCase.put("website", "HTTP://Example.org/about?x=1");
    assertThat(registered(http, upperCase).path("website").asString())
        .isEqualTo("HTTP://Example.org/about?x=1");
  }

  @Test
  void aCompanyTooBigOnBothCountsRegistersAsIneligibleWithBothReasons() {
    Map<String, Object> request = sme();
    request.put("employees", 250);
    request.put("turnoverPence", 5_000_000_001L);

    Http.Response created = asNewSme(http).post("/api/smes", request);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.path("eligible").asBoolean()).isFalse();
    List<String> reasons = strings(body.path("ineligibleReasons"), null);
    assertThat(reasons).hasSize(2);
    assertThat(reasons.get(0)).contains("250 employees");
    assertThat(reasons.get(1)).contains("£50,000,000.01");
    JsonNode fetched = asOrganiser(http).get("/api/smes/" + body.path("id").asString()).json();
    assertThat(fetched.path("eligible").asBoolean()).isFalse();
    assertThat(strings(fetched.path("ineligibleReasons"), null)).isEqualTo(reasons);
  }

  @Test
  void eachSizeRuleIsCheckedAtItsBoundary() {
    Map<String, Object> justSmall = sme();
    justSmall.put("employees", 249);
    justSmall.put("turnoverPence", 5_000_000_000L);
    JsonNode small = registered(http, justSmall);
    assertThat(small.path("eligible").asBoolean()).isTrue();
    assertThat(small.path("ineligibleReasons").size()).isZero();

    Map<String, Object> tooManyPeople = sme();
    tooManyPeople.put("employees", 250);
    JsonNode people = registered(http, tooManyPeople);
    assertThat(people.path("eligible").asBoolean()).isFalse();
    assertThat(strings(people.path("ineligibleReasons"), null))
        .singleElement()
        .asString()
        .contains("employees");

    Map<String, Object> tooMuchMoney = sme();
    tooMuchMoney.put("turnoverPence", 5_000_000_001L);
    JsonNode money = registered(http, tooMuchMoney);
    assertThat(money.path("eligible").asBoolean()).isFalse();
    assertThat(strings(money.path("ineligibleReasons"), null))
        .singleElement()
        .asString()
        .containsIgnoringCase("turnover");
  }

  @Test
  void aSecondRegistrationOfACompanyNumberIs409AndStoresNothing() {
    String digits = uniqueCompanyNumber().substring(2);
    String firstName = uniqueName();
    registered(http, sme(firstName, "OC" + digits));

    for (String sameNumber : List.of("OC" + digits, "oc" + digits, "  Oc" + digits + "\t")) {
      String otherName = uniqueName();
      JsonNode problem =
          assertProblem(
              asNewSme(http).post("/api/smes", sme(otherName, sameNumber)),
              409,
              "duplicate-company");
      assertThat(problem.path("detail").asString()).contains("OC" + digits);
      assertThat(storedNamed(mongo, otherName)).as(sameNumber).isZero();
    }
    assertThat(storedWithNumber(mongo, "OC" + digits)).isEqualTo(1);
    assertThat(storedNamed(mongo, firstName)).isEqualTo(1);
  }

  @Test
  void racingRegistrationsOfOneCompanyLeaveExactlyOne() throws Exception {
    String number = uniqueCompanyNumber();
    int racers = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
      for (int i = 0; i < racers; i++) {
        Map<String, Object> request = sme(uniqueName(), number);
        Callable<Integer> register =
            () -> {
              start.await();
              return asNewSme(Http.localhost(port)).post("/api/smes", request).status();
            };
        statuses.add(pool.submit(register));
      }
      start.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        results.add(status.get());
      }
      assertThat(results).containsOnly(201, 409);
      assertThat(results).filteredOn(s -> s == 201).hasSize(1);
    }
    assertThat(storedWithNumber(mongo, number)).isEqualTo(1);
  }

  @Test
  void theSmeIdIsTheTokensAndRegisteringItAgainIs409AndStoresNothing() {
    UUID smeId = UUID.randomUUID();
    Http asSme = http.as(TestTokens.sme(smeId));
    String firstName = uniqueName();
    String firstNumber = uniqueCompanyNumber();
    assertThat(asSme.post("/api/smes", sme(firstName, firstNumber)).text("id"))
        .isEqualTo(smeId.toString());

    String secondName = uniqueName();
    JsonNode problem =
        assertProblem(
            asSme.post("/api/smes", sme(secondName, uniqueCompanyNumber())),
            409,
            "sme-already-registered");
    assertThat(problem.path("detail").asString()).contains(smeId.toString());
    // The same company again from the same SME user: its registration is what is taken.
    assertProblem(
        asSme.post("/api/smes", sme(uniqueName(), firstNumber)), 409, "sme-already-registered");
    assertThat(storedNamed(mongo, secondName)).isZero();
    assertThat(
            mongo.count(Query.query(Criteria.where("_id").is(smeId.toString())), Smes.COLLECTION))
        .isEqualTo(1);
    assertThat(storedNamed(mongo, firstName)).isEqualTo(1);
  }

  @Test
  void racingRegistrationsOfOneSmeUserLeaveExactlyOne() throws Exception {
    Http asSme = http.as(TestTokens.sme(UUID.randomUUID()));
    int racers = 6;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Response>> answers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
      for (int i = 0; i < racers; i++) {
        String name = uniqueName();
        names.add(name);
        Map<String, Object> request = sme(name, uniqueCompanyNumber());
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return asSme.post("/api/smes", request);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Response> answer : answers) {
        Http.Response response = answer.get();
        statuses.add(response.status());
        if (response.status() == 409) {
          assertProblem(response, 409, "sme-already-registered");
        }
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }
    assertThat(names.stream().mapToLong(name -> storedNamed(mongo, name)).sum()).isEqualTo(1);
  }

  @Test
  void aTokenWithoutAnSmeIdRegistersNothing() {
    String name = uniqueName();
    Map<String, Object> request = sme(name, uniqueCompanyNumber());
    String unbound = TestTokens.token("sme-user-without-id", List.of("SME"), Map.of());
    String notAUuid =
        TestTokens.token("sme-user-bad-id", List.of("SME"), Map.of("sme_id", "not-a-uuid"));

    assertProblem(http.as(unbound).post("/api/smes", request), 403, "not-an-sme");
    assertProblem(http.as(notAUuid).post("/api/smes", request), 403, "not-an-sme");
    assertThat(storedNamed(mongo, name)).isZero();
  }

  @Test
  void anSmeSeesItselfWithItsContactDetailsButAnotherSmeIsAsUnknownAsNone() {
    String id = registered(http, sme()).path("id").asString();
    Http itself = http.as(TestTokens.sme(UUID.fromString(id)));

    Http.Response own = itself.get("/api/smes/" + id);
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.text("contactEmail")).isEqualTo("aisha@breathe-sensors.example.co.uk");
    assertThat(asOrganiser(http).get("/api/smes/" + id).text("contactName"))
        .isEqualTo("Aisha Okafor");

    Http.Response foreign = asNewSme(http).get("/api/smes/" + id);
    Http.Response unknown = asNewSme(http).get("/api/smes/" + UUID.randomUUID());
    assertProblem(foreign, 404, "not-found");
    assertProblem(unknown, 404, "not-found");
    assertThat(foreign.body()).doesNotContain("aisha").doesNotContain("Breathe");
    assertThat(foreign.json().path("title")).isEqualTo(unknown.json().path("title"));
  }

  @Test
  void anUnknownSmeIs404AndAMalformedIdIs400() {
    Http organiser = asOrganiser(http);
    JsonNode problem =
        assertProblem(organiser.get("/api/smes/" + UUID.randomUUID()), 404, "not-found");
    assertThat(problem.path("detail").asString()).contains("SME");

    JsonNode malformed = assertProblem(organiser.get("/api/smes/not-a-uuid"), 400, null);
    assertThat(errorFields(malformed)).containsExactly("id");
  }

  @Test
  void theListIsPagedNewestFirstWithoutGapsOrOverlaps() {
    Http http = asOrganiser(this.http);
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      mine.add(registered(http, sme()).path("id").asString());
    }
    long total = mongo.count(new Query(), Smes.COLLECTION);

    JsonNode all = http.get("/api/smes?size=100").json();
    assertThat(all.path("page").asInt()).isZero();
    assertThat(all.path("size").asInt()).isEqualTo(100);
    assertThat(all.path("totalElements").asLong()).isEqualTo(total);
    assertThat(ids(all)).containsAll(mine);

    JsonNode defaults = http.get("/api/smes").json();
    assertThat(defaults.path("size").asInt()).isEqualTo(20);
    assertThat(defaults.path("page").asInt()).isZero();

    List<String> paged = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    int pages = (int) ((total + 1) / 2);
    for (int p = 0; p < pages; p++) {
      JsonNode page = http.get("/api/smes?size=2&page=" + p).json();
      assertThat(page.path("page").asInt()).isEqualTo(p);
      assertThat(page.path("size").asInt()).isEqualTo(2);
      assertThat(page.path("totalElements").asLong()).isEqualTo(total);
      assertThat(page.path("content").size()).isBetween(1, 2);
      paged.addAll(ids(page));
      strings(page.path("content"), "registeredAt").forEach(t -> times.add(Instant.parse(t)));
    }
    assertThat(paged).doesNotHaveDuplicates().hasSize((int) total).containsAll(mine);
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(http.get("/api/smes?size=2&page=" + pages).json().path("content").size()).isZero();
  }

  @Test
  void badPagingParametersAre400NamingTheParameter() {
    Http http = asOrganiser(this.http);
    assertThat(errorFields(assertProblem(http.get("/api/smes?size=0"), 400, "validation")))
        .containsExactly("size");
    assertThat(errorFields(assertProblem(http.get("/api/smes?size=101"), 400, "validation")))
        .containsExactly("size");
    assertThat(errorFields(assertProblem(http.get("/api/smes?page=-1"), 400, "validation")))
        .containsExactly("page");
    assertThat(errorFields(assertProblem(http.get("/api/smes?size=lots"), 400, null)))
        .containsExactly("size");
    assertThat(http.get("/api/smes?size=100").status()).isEqualTo(200);
  }
}
