package org.wyp.problemservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TestTokens;

/** Request bodies and steps the problem-service tests share. */
public final class Fixtures {

  /** The organisation {@link #problem} names as the owner. */
  public static final String OWNER = "Alder Hey Children's NHS Foundation Trust";

  private Fixtures() {}

  public static Map<String, Object> round(String name) {
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("name", name);
    round.put("description", "Health and care problems from the city region's NHS trusts");
    round.put("opensAt", "2026-03-01T09:00:00Z");
    round.put("closesAt", "2026-04-30T17:00:00Z");
    round.put("finalsAt", "2026-06-12T13:00:00Z");
    return round;
  }

  public static Map<String, Object> problem(String roundId, String title) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("roundId", roundId);
    problem.put("title", title);
    problem.put("summary", "Damp and mould in rented homes drive childhood asthma admissions");
    problem.put(
        "description",
        "Admissions for childhood asthma cluster in streets with poor private rented housing.");
    problem.put("theme", "health");
    problem.put("ownerOrganisation", OWNER);
    problem.put("boroughs", List.of("Liverpool", "Sefton"));
    problem.put("evidence", "Hospital episode statistics 2019-2024");
    problem.put(
        "datasets",
        List.of(
            Map.of(
                "name", "Housing conditions survey",
                "url", "https://data.example.org/housing",
                "accessLevel", "SHARED")));
    problem.put("successMeasures", List.of("Fewer repeat admissions within 12 months"));
    return problem;
  }

  /** Announces a round and opens it, as an organiser; returns its id. */
  public static String openRound(Http http) {
    Http organiser = http.as(TestTokens.organiser());
    String roundId = organiser.post("/api/rounds", round("Round 1")).text("id");
    organiser.post("/api/rounds/" + roundId + "/open", null);
    return roundId;
  }

  /**
   * Drafts a problem in the round as a problem owner of its organisation and publishes it as an
   * organiser; returns its id.
   */
  public static String publishedProblem(Http http, String roundId, String title) {
    Map<String, Object> problem = problem(roundId, title);
    String problemId =
        http.as(TestTokens.problemOwner(OWNER)).post("/api/problems", problem).text("id");
    Http.Response published =
        http.as(TestTokens.organiser()).post("/api/problems/" + problemId + "/publish", null);
    if (published.status() != 200) {
      throw new IllegalStateException("publish failed: " + published);
    }
    return problemId;
  }
}
