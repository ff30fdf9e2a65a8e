package org.wyp.submissionservice.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.testing.Http;
import tools.jackson.databind.JsonNode;

/** Request bodies, steps and assertions the SME tests share. */
final class SmeFixtures {

  static final String PROBLEM_JSON = "application/problem+json";

  private SmeFixtures() {}

  /** A valid registration of a small Wirral company, eligible by size. */
  static Map<String, Object> sme(String companyName, String companyNumber) {
    Map<String, Object> sme = new LinkedHashMap<>();
    sme.put("companyName", companyName);
    sme.put("companyNumber", companyNumber);
    sme.put("employees", 12);
    sme.put("turnoverPence", 85_000_000L);
    sme.put("postcode", "CH41 5LH");
    sme.put("contactName", "Aisha Okafor");
    sme.put("contactEmail", "aisha@breathe-sensors.example.co.uk");
    sme.put("website", "https://breathe-sensors.example.co.uk");
    return sme;
  }

  /** A valid registration under a unique name and company number. */
  static Map<String, Object> sme() {
    return sme(uniqueName(), uniqueCompanyNumber());
  }

  static String uniqueName() {
    return "Breathe Sensors " + UUID.randomUUID() + " Ltd";
  }

  /**
   * Eight random digits. Test classes may share a database (Spring caches their context), so every
   * test registers numbers of its own.
   */
  static String uniqueCompanyNumber() {
    return "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** Registers and returns the 201 answer's body. */
  static JsonNode registered(Http http, Map<String, Object> sme) {
    Http.Response created = http.post("/api/smes", sme);
    assertThat(created.status()).as("register %s", created).isEqualTo(201);
    return created.json();
  }

  static long storedNamed(MongoTemplate mongo, String companyName) {
    return mongo.count(new Query(where("companyName").is(companyName)), Smes.COLLECTION);
  }

  static long storedWithNumber(MongoTemplate mongo, String companyNumber) {
    return mongo.count(new Query(where("companyNumber").is(companyNumber)), Smes.COLLECTION);
  }

  /**
   * Checks an RFC 9457 answer: the status, the problem+json media type, the stable type (when
   * given), a human detail, and no internals leaking.
   */
  static JsonNode assertProblem(Http.Response response, int status, String typeSlug) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.header("Content-Type")).as("content type").startsWith(PROBLEM_JSON);
    JsonNode body = response.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    if (typeSlug != null) {
      assertThat(body.path("type").asString()).isEqualTo("/problems/" + typeSlug);
    }
    assertThat(body.path("title").asString()).isNotBlank();
    assertThat(body.path("detail").asString()).isNotBlank();
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("trace");
    return body;
  }

  /** The fields a problem's {@code errors} names, each with a message. */
  static List<String> errorFields(JsonNode problem) {
    JsonNode errors = problem.path("errors");
    assertThat(errors.isArray()).as("errors array in %s", problem).isTrue();
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < errors.size(); i++) {
      JsonNode error = errors.get(i);
      assertThat(error.path("message").asString()).as("message of %s", error).isNotBlank();
      fields.add(error.path("field").asString());
    }
    return fields;
  }

  static String errorMessage(JsonNode problem, String field) {
    JsonNode errors = problem.path("errors");
    for (int i = 0; i < errors.size(); i++) {
      if (errors.get(i).path("field").asString().equals(field)) {
        return errors.get(i).path("message").asString();
      }
    }
    throw new AssertionError("no error for " + field + " in " + problem);
  }

  static List<String> ids(JsonNode page) {
    return strings(page.path("content"), "id");
  }

  static List<String> strings(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      values.add(field == null ? array.get(i).asString() : array.get(i).path(field).asString());
    }
    return values;
  }
}
