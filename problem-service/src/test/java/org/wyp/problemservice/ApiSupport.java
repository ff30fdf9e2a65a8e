package org.wyp.problemservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Assertions and steps the REST API tests of problem-service share. */
public final class ApiSupport {

  private ApiSupport() {}

  public static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    JsonNode content = page.path("content");
    for (int i = 0; i < content.size(); i++) {
      ids.add(content.get(i).path("id").asString());
    }
    return ids;
  }

  public static List<String> texts(JsonNode page, String field) {
    List<String> values = new ArrayList<>();
    JsonNode content = page.path("content");
    for (int i = 0; i < content.size(); i++) {
      values.add(content.get(i).path(field).asString());
    }
    return values;
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static String unique(String name) {
    return name + " " + UUID.randomUUID();
  }

  /** How many problems are stored for the round, whatever their status. */
  public static long storedProblems(MongoTemplate mongo, String roundId) {
    return mongo.count(new Query(where("roundId").is(roundId)), "problems");
  }

  public static long storedProblemsTitled(MongoTemplate mongo, String title) {
    return mongo.count(new Query(where("content.title").is(title)), "problems");
  }

  public static long storedRoundsNamed(MongoTemplate mongo, String name) {
    return mongo.count(new Query(where("name").is(name)), "rounds");
  }

  /** The same server, called by an organiser. */
  public static Http organiser(Http http) {
    return http.as(TestTokens.organiser());
  }

  /** The same server, called by a problem owner of {@code organisation}. */
  public static Http owner(Http http, String organisation) {
    return http.as(TestTokens.problemOwner(organisation));
  }

  /** The same server, called by a problem owner of the organisation the problem names. */
  public static Http ownerOf(Http http, Map<String, Object> problem) {
    return owner(http, (String) problem.get("ownerOrganisation"));
  }

  /** Announces a round with a unique name, as an organiser; returns its id. */
  public static String announcedRound(Http http) {
    Http.Response created = organiser(http).post("/api/rounds", Fixtures.round(unique("Round")));
    assertThat(created.status()).as("announce %s", created).isEqualTo(201);
    return created.text("id");
  }

  /** Announces and opens a round, as an organiser; returns its id. */
  public static String openRound(Http http) {
    String roundId = announcedRound(http);
    Http.Response opened = organiser(http).post("/api/rounds/" + roundId + "/open", null);
    assertThat(opened.status()).as("open %s", opened).isEqualTo(200);
    return roundId;
  }

  /** A round that takes no more problems: announced, opened, closed and archived. */
  public static String archivedRound(Http http) {
    String roundId = openRound(http);
    Http organiser = organiser(http);
    assertThat(organiser.post("/api/rounds/" + roundId + "/close-submissions", null).status())
        .isEqualTo(200);
    assertThat(organiser.post("/api/rounds/" + roundId + "/archive", null).status()).isEqualTo(200);
    return roundId;
  }

  /** Drafts a problem as a problem owner of the organisation it names; returns its id. */
  public static String draft(Http http, Map<String, Object> problem) {
    Http.Response created = ownerOf(http, problem).post("/api/problems", problem);
    assertThat(created.status()).as("draft %s", created).isEqualTo(201);
    return created.text("id");
  }

  /** Drafts a problem as its owner and publishes it as an organiser; returns its id. */
  public static String published(Http http, Map<String, Object> problem) {
    String id = draft(http, problem);
    Http.Response published = organiser(http).post("/api/problems/" + id + "/publish", null);
    assertThat(published.status()).as("publish %s", published).isEqualTo(200);
    return id;
  }

  public static Map<String, String> ifMatch(String tag) {
    return Map.of("If-Match", tag);
  }
}
