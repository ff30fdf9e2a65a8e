package org.wyp.bench.setup;

import static java.util.Map.entry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.wyp.bench.stack.StackProcess;
import org.wyp.localstack.demo.ApiClient;
import org.wyp.localstack.demo.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Sets up what a benchmark needs through the platform's public APIs, as the demo does: rounds,
 * published problems, registered SMEs with their tokens.
 */
public final class Programme {

  private static final Duration CROSS_SERVICE = Duration.ofSeconds(90);
  private static final String ORGANISATION = "Bench City Council";

  private final Tokens tokens;
  private final ApiClient problems;
  private final ApiClient submissions;
  private final ApiClient problemsAsOrganiser;
  private final ApiClient problemsAsOwner;
  private final String organiserToken;
  // Company numbers are unique platform-wide: each run and each SME gets its own.
  private final long companyNumberBase =
      ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000);
  private int companies;

  public Programme(StackProcess stack) {
    this.tokens = new Tokens(stack.issuerUrl());
    this.problems = new ApiClient(stack.url("problem-service"));
    this.submissions = new ApiClient(stack.url("submission-service"));
    this.organiserToken = tokens.organiser();
    this.problemsAsOrganiser = problems.as(organiserToken);
    this.problemsAsOwner = problems.as(tokens.problemOwner(ORGANISATION));
  }

  /** A registered SME: the token it calls with and the id its registration got. */
  public record Sme(String token, UUID id) {}

  public String organiserToken() {
    return organiserToken;
  }

  public Tokens tokens() {
    return tokens;
  }

  /** A round announced and open for submissions. */
  public UUID openRound(String name) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JsonNode round =
        problemsAsOrganiser.post(
            "/api/rounds",
            Map.of(
                "name", name,
                "description", "A round the benchmarks run",
                "opensAt", now.toString(),
                "closesAt", now.plus(42, ChronoUnit.DAYS).toString(),
                "finalsAt", now.plus(70, ChronoUnit.DAYS).toString()),
            201);
    String roundId = round.path("id").asString();
    problemsAsOrganiser.post("/api/rounds/" + roundId + "/open", null, 200);
    return UUID.fromString(roundId);
  }

  public void closeSubmissions(UUID roundId) {
    problemsAsOrganiser.post("/api/rounds/" + roundId + "/close-submissions", null, 200);
  }

  /** {@code count} problems drafted and published in the round. */
  public List<UUID> publishProblems(UUID roundId, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode draft =
          problemsAsOwner.post(
              "/api/problems",
              Map.ofEntries(
                  entry("roundId", roundId.toString()),
                  entry("title", "Benchmark problem " + (i + 1)),
                  entry("summary", "Damp and mould in rented homes drive repeat asthma admissions"),
                  entry("description", "A problem the benchmarks pitch to. We want new ideas."),
                  entry("theme", i % 2 == 0 ? "health" : "housing"),
                  entry("ownerOrganisation", ORGANISATION),
                  entry("boroughs", List.of("Liverpool")),
                  entry("evidence", "Service data 2022-2026"),
                  entry("datasets", List.of()),
                  entry("successMeasures", List.of("Fewer repeat admissions within 12 months"))),
              201);
      String id = draft.path("id").asString();
      problemsAsOrganiser.post("/api/problems/" + id + "/publish", null, 200);
      ids.add(UUID.fromString(id));
    }
    return ids;
  }

  /** {@code count} eligible SMEs, each registered under the sme_id its token carries. */
  public List<Sme> registerSmes(int count) {
    List<Sme> smes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tokens.SmeToken token = tokens.newSme();
      String name = "Bench Solutions " + (companyNumberBase + companies) + " Ltd";
      JsonNode sme =
          submissions
              .as(token.token())
              .post(
                  "/api/smes",
                  Map.ofEntries(
                      entry("companyName", name),
                      entry("companyNumber", Long.toString(companyNumberBase + companies++)),
                      entry("employees", 12),
                      entry("turnoverPence", 98_000_000L),
                      entry("postcode", "L1 8JQ"),
                      entry("contactName", "Founder of " + name),
                      entry("contactEmail", "hello@example.co.uk"),
                      entry("website", "")),
                  201);
      if (!sme.path("eligible").asBoolean()) {
        throw new IllegalStateException(name + " is not eligible: " + sme);
      }
      smes.add(new Sme(token.token(), UUID.fromString(sme.path("id").asString())));
    }
    return smes;
  }

  /** A pitch as {@code POST /api/submissions} takes it. */
  public static String pitchJson(UUID problemId, UUID smeId, int number) {
    return """
        {"problemId":"%s","smeId":"%s","title":"Pitch %d","summary":"A pilot with local services, \
        measured against the problem's goal","approach":"Co-design with frontline staff, then a \
        12-week pilot","dataUse":"Only anonymised service data","impact":"Fewer repeat admissions",\
        "requestedPence":4500000,"team":[{"name":"Founder","role":"Lead"}],"links":[]}"""
        .formatted(problemId, smeId, number);
  }

  /**
   * Pitches through the API, waiting first until submission-service has heard of the problem (it
   * learns of problems from problem-service's events).
   */
  public UUID pitch(Sme sme, UUID problemId, int number) {
    JsonNode submitted =
        ApiClient.eventually(
            "submission-service to learn of problem " + problemId,
            CROSS_SERVICE,
            () ->
                submissions
                    .as(sme.token())
                    .post("/api/submissions", pitchJson(problemId, sme.id(), number), 201));
    return UUID.fromString(submitted.path("id").asString());
  }
}
