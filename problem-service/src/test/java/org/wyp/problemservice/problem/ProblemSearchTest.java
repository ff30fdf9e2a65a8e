package org.wyp.problemservice.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertValidationProblem;
import static org.wyp.problemservice.ApiSupport.draft;
import static org.wyp.problemservice.ApiSupport.encode;
import static org.wyp.problemservice.ApiSupport.ids;
import static org.wyp.problemservice.ApiSupport.openRound;
import static org.wyp.problemservice.ApiSupport.published;
import static org.wyp.problemservice.ApiSupport.texts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.problemservice.Fixtures;
import tools.jackson.databind.JsonNode;

/** The problem list: filters, literal free-text search and paging, mostly as the public sees it. */
@ServiceIntegrationTest
class ProblemSearchTest {

  @LocalServerPort int port;

  Http http;
  String roundId;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    roundId = openRound(http);
  }

  @Test
  void filtersByRound() {
    String other = openRound(http);
    String mine = published(http, Fixtures.problem(roundId, "Mine"));
    String theirs = published(http, Fixtures.problem(other, "Theirs"));

    JsonNode page = search("roundId=" + roundId);
    assertThat(ids(page)).containsExactly(mine);
    assertThat(page.path("totalElements").asLong()).isEqualTo(1);
    assertThat(ids(search("roundId=" + other))).containsExactly(theirs);
    assertThat(ids(search("size=100"))).contains(mine, theirs);
    assertThat(search("roundId=" + UUID.randomUUID()).path("totalElements").asLong()).isZero();
  }

  @Test
  void filtersByTheme() {
    String health = published(http, themed("Asthma", "health"));
    String housing = published(http, themed("Damp", "housing"));
    String alsoHousing = published(http, themed("Overcrowding", "housing"));

    assertThat(ids(search("roundId=" + roundId + "&theme=housing")))
        .containsExactlyInAnyOrder(housing, alsoHousing);
    assertThat(ids(search("roundId=" + roundId + "&theme=health"))).containsExactly(health);
    assertThat(search("roundId=" + roundId + "&theme=transport").path("totalElements").asLong())
        .isZero();
    assertThat(texts(search("theme=housing&size=100"), "theme")).containsOnly("housing");
  }

  @Test
  void filtersByStatusAndNeverShowsDraftsOrWithdrawn() {
    String open = published(http, Fixtures.problem(roundId, "Still open"));
    String closed = published(http, Fixtures.problem(roundId, "Closed now"));
    Http organiser = http.as(TestTokens.organiser());
    assertThat(organiser.post("/api/problems/" + closed + "/close", null).status()).isEqualTo(200);
    String drafted = draft(http, Fixtures.problem(roundId, "Only a draft"));
    String withdrawn = published(http, Fixtures.problem(roundId, "Taken back"));
    assertThat(organiser.post("/api/problems/" + withdrawn + "/withdraw", null).status())
        .isEqualTo(200);

    JsonNode all = search("roundId=" + roundId);
    assertThat(ids(all)).containsExactlyInAnyOrder(open, closed);
    assertThat(all.path("totalElements").asLong()).isEqualTo(2);

    JsonNode published = search("roundId=" + roundId + "&status=PUBLISHED");
    assertThat(ids(published)).containsExactly(open);
    assertThat(texts(published, "status")).containsOnly("PUBLISHED");

    JsonNode closedOnly = search("roundId=" + roundId + "&status=CLOSED");
    assertThat(ids(closedOnly)).containsExactly(closed);
    assertThat(texts(closedOnly, "status")).containsOnly("CLOSED");

    for (String hidden : List.of("DRAFT", "WITHDRAWN")) {
      JsonNode none = search("roundId=" + roundId + "&status=" + hidden);
      assertThat(ids(none)).as(hidden).isEmpty();
      assertThat(none.path("totalElements").asLong()).as(hidden).isZero();
      assertThat(search("status=" + hidden + "&size=100").path("totalElements").asLong())
          .as(hidden + " anywhere")
          .isZero();
    }
    assertThat(ids(search("size=100"))).doesNotContain(drafted, withdrawn);

    // Those who may see drafts and withdrawn problems find them too, by the same filters.
    Http owner = http.as(TestTokens.problemOwner(Fixtures.OWNER));
    for (Http insider : List.of(organiser, owner)) {
      assertThat(ids(insider.get("/api/problems?roundId=" + roundId).json()))
          .containsExactlyInAnyOrder(open, closed, drafted, withdrawn);
      assertThat(ids(insider.get("/api/problems?roundId=" + roundId + "&status=DRAFT").json()))
          .containsExactly(drafted);
      assertThat(ids(insider.get("/api/problems?roundId=" + roundId + "&status=WITHDRAWN").json()))
          .containsExactly(withdrawn);
    }
  }

  @Test
  void filtersByBorough() {
    String both = published(http, inBoroughs("Both", "Liverpool", "Sefton"));
    String wirral = published(http, inBoroughs("Wirral only", "Wirral"));
    String liverpool = published(http, inBoroughs("Liverpool only", " Liverpool "));

    assertThat(ids(search("roundId=" + roundId + "&borough=Liverpool")))
        .containsExactlyInAnyOrder(both, liverpool);
    assertThat(ids(search("roundId=" + roundId + "&borough=Wirral"))).containsExactly(wirral);
    assertThat(ids(search("roundId=" + roundId + "&borough=Sefton"))).containsExactly(both);
    assertThat(ids(search("roundId=" + roundId + "&borough=Halton"))).isEmpty();
    assertThat(ids(search("roundId=" + roundId + "&borough=" + encode("Liverpool Sefton"))))
        .isEmpty();
  }

  @Test
  void combinesFilters() {
    Map<String, Object> match = inBoroughs("Asthma in Knowsley", "Knowsley");
    match.put("theme", "housing");
    String wanted = published(http, match);
    Map<String, Object> otherTheme = inBoroughs("Asthma in Knowsley too", "Knowsley");
    published(http, otherTheme);
    Map<String, Object> otherBorough = inBoroughs("Asthma in Halton", "Halton");
    otherBorough.put("theme", "housing");
    published(http, otherBorough);

    JsonNode page =
        search("roundId=" + roundId + "&theme=housing&borough=Knowsley&status=PUBLISHED&q=asthma");
    assertThat(ids(page)).containsExactly(wanted);
  }

  @Test
  void freeTextIsACaseInsensitiveContainsOnTheTitle() {
    String asthma = published(http, Fixtures.problem(roundId, "Damp homes and Asthma"));
    String lonely = published(http, Fixtures.problem(roundId, "Loneliness in later life"));

    assertThat(ids(search("roundId=" + roundId + "&q=ASTHMA"))).containsExactly(asthma);
    assertThat(ids(search("roundId=" + roundId + "&q=asthma"))).containsExactly(asthma);
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("homes AND"))))
        .containsExactly(asthma);
    assertThat(ids(search("roundId=" + roundId + "&q=later"))).containsExactly(lonely);
    assertThat(ids(search("roundId=" + roundId + "&q=e")))
        .containsExactlyInAnyOrder(asthma, lonely);
    assertThat(ids(search("roundId=" + roundId + "&q=zebra"))).isEmpty();
    // the summary mentions asthma for every fixture; only titles are searched
    assertThat(ids(search("roundId=" + roundId + "&q=mould"))).isEmpty();
    // a blank q is no filter
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("  "))))
        .containsExactlyInAnyOrder(asthma, lonely);
  }

  @Test
  void freeTextMatchesRegexMetacharactersLiterally() {
    String star = published(http, Fixtures.problem(roundId, "Match anything .* literally"));
    String paren = published(http, Fixtures.problem(roundId, "Price (per unit) of care"));
    String dotted = published(http, Fixtures.problem(roundId, "Version a.b of the survey"));
    String plain = published(http, Fixtures.problem(roundId, "Version axb of the survey"));
    String quoted = published(http, Fixtures.problem(roundId, "Escapes \\E.* and \\Q"));

    assertThat(ids(search("roundId=" + roundId + "&q=" + encode(".*"))))
        .containsExactlyInAnyOrder(star, quoted);
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("(")))).containsExactly(paren);
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("(per unit)"))))
        .containsExactly(paren);
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("a.b")))).containsExactly(dotted);
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("\\E.*")))).containsExactly(quoted);
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("\\Q")))).containsExactly(quoted);
    assertThat(ids(search("roundId=" + roundId + "&q=axb"))).containsExactly(plain);

    for (String q :
        List.of("[", ")", "*", "+", "?", "\\", "^", "$", "|", "{2}", "(?i)", "[a-z]+", ".")) {
      Http.Response response = http.get("/api/problems?roundId=" + roundId + "&q=" + encode(q));
      assertThat(response.status()).as("q=%s: %s", q, response).isEqualTo(200);
      for (String title : texts(response.json(), "title")) {
        assertThat(title).as("q=%s", q).contains(q);
      }
    }
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("[a-z]+")))).isEmpty();
    assertThat(ids(search("roundId=" + roundId + "&q=" + encode("^Match")))).isEmpty();
  }

  @Test
  void anOperatorAsFreeTextMatchesNothing() {
    published(http, Fixtures.problem(roundId, "Ordinary title"));

    Http.Response inRound =
        http.get("/api/problems?roundId=" + roundId + "&q=" + encode("{\"$gt\":\"\"}"));
    assertThat(inRound.status()).isEqualTo(200);
    assertThat(inRound.json().path("totalElements").asLong()).isZero();

    Http.Response everywhere = http.get("/api/problems?size=100&q=" + encode("{\"$gt\":\"\"}"));
    assertThat(everywhere.status()).isEqualTo(200);
    for (String title : texts(everywhere.json(), "title")) {
      assertThat(title).contains("{\"$gt\":\"\"}");
    }
    for (String param : List.of("theme", "borough")) {
      Http.Response operator =
          http.get(
              "/api/problems?roundId=" + roundId + "&" + param + "=" + encode("{\"$ne\":\"\"}"));
      assertThat(operator.status()).as(param).isEqualTo(200);
      assertThat(operator.json().path("totalElements").asLong()).as(param).isZero();
    }
  }

  @Test
  void pagesThroughTheResults() {
    List<String> all = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      all.add(published(http, Fixtures.problem(roundId, "Problem " + i)));
    }

    JsonNode first = search("roundId=" + roundId + "&size=2");
    assertThat(first.path("totalElements").asLong()).isEqualTo(5);
    assertThat(first.path("page").asInt()).isZero();
    assertThat(first.path("size").asInt()).isEqualTo(2);
    assertThat(first.path("content").size()).isEqualTo(2);

    JsonNode second = search("roundId=" + roundId + "&size=2&page=1");
    assertThat(second.path("page").asInt()).isEqualTo(1);
    assertThat(second.path("content").size()).isEqualTo(2);

    JsonNode third = search("roundId=" + roundId + "&size=2&page=2");
    assertThat(third.path("page").asInt()).isEqualTo(2);
    assertThat(third.path("totalElements").asLong()).isEqualTo(5);
    assertThat(third.path("content").size()).isEqualTo(1);

    JsonNode beyond = search("roundId=" + roundId + "&size=2&page=3");
    assertThat(beyond.path("content").size()).isZero();
    assertThat(beyond.path("totalElements").asLong()).isEqualTo(5);

    List<String> seen = new ArrayList<>();
    List<Instant> publishedAt = new ArrayList<>();
    for (JsonNode page : List.of(first, second, third)) {
      seen.addAll(ids(page));
      texts(page, "publishedAt").forEach(t -> publishedAt.add(Instant.parse(t)));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    assertThat(new HashSet<>(seen)).hasSize(5);
    assertThat(publishedAt).isSortedAccordingTo(Comparator.reverseOrder());

    JsonNode defaults = search("roundId=" + roundId);
    assertThat(defaults.path("page").asInt()).isZero();
    assertThat(defaults.path("size").asInt()).isEqualTo(20);
    assertThat(defaults.path("content").size()).isEqualTo(5);
    assertThat(search("roundId=" + roundId + "&size=100").path("content").size()).isEqualTo(5);
  }

  @Test
  void badPagingAndFilterParametersAre400Problems() {
    assertThat(assertValidationProblem(http.get("/api/problems?size=0"))).containsExactly("size");
    assertThat(assertValidationProblem(http.get("/api/problems?size=101"))).containsExactly("size");
    assertThat(assertValidationProblem(http.get("/api/problems?page=-1"))).containsExactly("page");
    assertThat(assertValidationProblem(http.get("/api/problems?size=ten"))).containsExactly("size");
    assertThat(assertValidationProblem(http.get("/api/problems?roundId=round-1")))
        .containsExactly("roundId");
    assertThat(assertValidationProblem(http.get("/api/problems?status=PENDING")))
        .containsExactly("status");
    assertThat(assertValidationProblem(http.get("/api/problems?q=" + "x".repeat(151))))
        .containsExactly("q");
    assertThat(assertValidationProblem(http.get("/api/problems?theme=" + "x".repeat(41))))
        .containsExactly("theme");
    assertThat(http.get("/api/problems?q=" + "x".repeat(150)).status()).isEqualTo(200);
  }

  private JsonNode search(String query) {
    Http.Response response = http.get("/api/problems?" + query);
    assertThat(response.status()).as("GET ?%s: %s", query, response).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    return response.json();
  }

  private Map<String, Object> themed(String title, String theme) {
    Map<String, Object> problem = Fixtures.problem(roundId, title);
    problem.put("theme", theme);
    return problem;
  }

  private Map<String, Object> inBoroughs(String title, String... boroughs) {
    Map<String, Object> problem = Fixtures.problem(roundId, title);
    problem.put("boroughs", List.of(boroughs));
    return problem;
  }
}
