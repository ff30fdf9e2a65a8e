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
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Request bodies, steps and assertions the SME tests share. */
final class SmeFixtures {

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

  /**
   * The service called by the user of an SME not registered yet: its token carries a new {@code
   * sme_id}, as the identity provider mints one per SME user.
   */
  static Http asNewSme(Http http) {
    return http.as(TestTokens.sme(UUID.randomUUID()));
  }

  /** The service called by an organiser. */
  static Http asOrganiser(Http http) {
    return http.as(TestTokens.organiser());
  }

  /** Registers as a new SME user and returns the 201 answer's body. */
  static JsonNode registered(Http http, Map<String, Object> sme) {
    Http.Response created = asNewSme(http).post("/api/smes", sme);
    assertThat(created.status()).as("register %s", created).isEqualTo(201);
    return created.json();
  }

  static long storedNamed(MongoTemplate mongo, String companyName) {
    return mongo.count(new Query(where("companyName").is(companyName)), Smes.COLLECTION);
  }

  static long storedWithNumber(MongoTemplate mongo, String companyNumber) {
    return mongo.count(new Query(where("companyNumber").is(companyNumber)), Smes.COLLECTION);
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
