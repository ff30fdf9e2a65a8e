package org.wyp.problemservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wyp.kit.testing.Http;

/** Request bodies and steps the problem-service tests share. */
public final class Fixtures {

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
    problem.put("ownerOrganisation", "Alder Hey Children's NHS Foundation Trust");
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

  /** Announces a round and opens it; returns its id. */
  public static String openRound(Http http) {
    String roundId = http.post("/api/rounds", round("Round 1")).text("id");
    http.post("/api/rounds/" + roundId + "/open", null);
    return roundId;
  }

  /** Drafts and publishes a problem in the round; returns its id. */
  public static String publishedProblem(Http http, String roundId, String title) {
    String problemId = http.post("/api/problems", problem(roundId, title)).text("id");
    Http.Response published = http.post("/api/problems/" + problemId + "/publish", null);
    if (published.status() != 200) {
      throw new IllegalStateException("publish failed: " + published);
    }
    return problemId;
  }
}
