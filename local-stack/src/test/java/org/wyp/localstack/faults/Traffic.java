package org.wyp.localstack.faults;

import static java.util.Map.entry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the platform's REST APIs as its users make them, each with its own token, and the way
 * a careful client makes them under faults: a request whose outcome is unknown (the connection was
 * refused or reset, or a gateway-style 502 to 504 came back) is sent again, the same request, until
 * the service gives a definite answer. Creates that are not naturally idempotent carry an {@code
 * Idempotency-Key}, so the retry of a create that was stored before its answer was lost gets the
 * same resource back.
 */
final class Traffic {

  /** How long a request keeps being retried: longer than any outage a test causes. */
  private static final Duration GIVE_UP = Duration.ofSeconds(90);

  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Company numbers are unique across the data: one counter for the whole test run. */
  private static final AtomicInteger COMPANY_NUMBERS = new AtomicInteger(10_000_000);

  private final Map<String, String> urls;
  private final String issuerUrl;
  private final String organiser;
  private final AtomicInteger uncertain = new AtomicInteger();

  Traffic(Map<String, String> urls, String issuerUrl) {
    this.urls = Map.copyOf(urls);
    this.issuerUrl = issuerUrl;
    this.organiser =
        token("role=ORGANISER&sub=fault-test-organiser").path("access_token").asString();
  }

  /** A definite answer. */
  record Answer(int status, JsonNode body, String raw) {
    String text(String field) {
      return body.path(field).asString();
    }
  }

  /** A round that accepts pitches to its published problems. */
  record Round(String id, List<String> problemIds) {}

  /** An accepted pitch: the submission's id (judging's pitch id), its problem, SME and token. */
  record Pitch(String id, String problemId, String smeId, String smeToken) {}

  /** How many requests had an unknown outcome and were sent again. */
  int uncertainRequests() {
    return uncertain.get();
  }

  String url(String service) {
    return urls.get(service);
  }

  // Programme staff and problem owners

  /** Announces and opens a round, and publishes {@code problems} problems in it. */
  Round openRoundWithProblems(String name, int problems) {
    Instant now = Instant.now();
    Answer round =
        expect(
            send(
                url("problem-service"),
                "POST",
                "/api/rounds",
                organiser,
                Map.of(
                    "name", name,
                    "description", "A round played by a fault-injection test",
                    "opensAt", now.toString(),
                    "closesAt", now.plus(Duration.ofDays(30)).toString(),
                    "finalsAt", now.plus(Duration.ofDays(60)).toString()),
                Map.of()),
            201);
    String roundId = round.text("id");
    expect(
        send(url("problem-service"), "POST", "/api/rounds/" + roundId + "/open", organiser), 200);
    String organisation = "Fault Test Trust " + roundId.substring(roundId.length() - 6);
    String owner =
        token(
                "role=PROBLEM_OWNER&organisation="
                    + URLEncoder.encode(organisation, StandardCharsets.UTF_8))
            .path("access_token")
            .asString();
    List<String> problemIds = new ArrayList<>();
    for (int i = 0; i < problems; i++) {
      Answer drafted =
          expect(
              send(
                  url("problem-service"),
                  "POST",
                  "/api/problems",
                  owner,
                  Map.ofEntries(
                      entry("roundId", roundId),
                      entry("title", "Problem " + (i + 1) + " of " + name),
                      entry("summary", "A problem that pitches are made to"),
                      entry("description", "Stated by a fault-injection test"),
                      entry("theme", "health"),
                      entry("ownerOrganisation", organisation),
                      entry("boroughs", List.of("Liverpool")),
                      entry("evidence", "Service data"),
                      entry("datasets", List.of()),
                      entry("successMeasures", List.of("Fewer admissions"))),
                  Map.of()),
              201);
      String problemId = drafted.text("id");
      expect(
          send(
              url("problem-service"), "POST", "/api/problems/" + problemId + "/publish", organiser),
          200);
      problemIds.add(problemId);
    }
    return new Round(roundId, List.copyOf(problemIds));
  }

  void closeSubmissions(Round round) {
    expect(
        send(
            url("problem-service"),
            "POST",
            "/api/rounds/" + round.id() + "/close-submissions",
            organiser),
        200);
  }

  /** RANK_WEIGHTED, two winners weighted 2 and 1, two tranches. */
  void configureFund(Round round, long budgetPence) {
    expect(
        send(
            url("award-service"),
            "PUT",
            "/api/funds/" + round.id(),
            organiser,
            Map.ofEntries(
                entry("budgetPence", budgetPence),
                entry("maxAwards", 2),
                entry("policy", "RANK_WEIGHTED"),
                entry("rankWeights", List.of(2, 1)),
                entry(
                    "tranches",
                    List.of(
                        Map.of("label", "On signing", "percent", 40),
                        Map.of("label", "Pilot complete", "percent", 60)))),
            Map.of()),
        201);
  }

  // SMEs

  /**
   * A new SME registers (at {@code submissionUrl}, one instance of submission-service) and pitches
   * to the problem; returns the accepted pitch.
   */
  Pitch pitch(String submissionUrl, String problemId) {
    JsonNode issued = token("role=SME");
    String smeToken = issued.path("access_token").asString();
    String smeId = issued.path("claims").path("sme_id").asString();
    String companyNumber = String.valueOf(COMPANY_NUMBERS.incrementAndGet());
    String company = "Fault Test " + companyNumber + " Ltd";
    Answer registered =
        send(
            submissionUrl,
            "POST",
            "/api/smes",
            smeToken,
            Map.ofEntries(
                entry("companyName", company),
                entry("companyNumber", companyNumber),
                entry("employees", 12),
                entry("turnoverPence", 85_000_000),
                entry("postcode", "L1 8JQ"),
                entry("contactName", "Founder of " + company),
                entry("contactEmail", "hello@example.co.uk"),
                entry("website", "")),
            Map.of());
    // A registration stored before its answer was lost is refused as a repeat when retried.
    if (registered.status() != 409) {
      expect(registered, 201);
    }
    Answer submitted =
        expect(
            send(
                submissionUrl,
                "POST",
                "/api/submissions",
                smeToken,
                Map.ofEntries(
                    entry("problemId", problemId),
                    entry("smeId", smeId),
                    entry("title", company + " for " + problemId.substring(0, 8)),
                    entry("summary", "A pilot with local services"),
                    entry("approach", "Co-design, then a 12-week pilot"),
                    entry("dataUse", "Anonymised service data only"),
                    entry("impact", "Fewer admissions"),
                    entry("requestedPence", 4_500_000),
                    entry("team", List.of(Map.of("name", "Founder", "role", "Lead"))),
                    entry("links", List.of())),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())),
            201);
    return new Pitch(submitted.text("id"), problemId, smeId, smeToken);
  }

  // Judging

  /** Registers judges; returns judge id to that judge's token. */
  Map<String, String> registerJudges(int count) {
    Map<String, String> judges = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Answer judge =
          expect(
              send(
                  url("judging-service"),
                  "POST",
                  "/api/judges",
                  organiser,
                  Map.of(
                      "name",
                      "Judge " + (i + 1),
                      "organisation",
                      "Fault Test Panel",
                      "expertise",
                      List.of("health"),
                      "affiliations",
                      List.of()),
                  Map.of()),
              201);
      String id = judge.text("id");
      judges.put(id, token("role=JUDGE&judge_id=" + id).path("access_token").asString());
    }
    return judges;
  }

  /**
   * Shortlists every pitch without screening scores and readies the finals: rubric (every judge
   * must score), panel, assignments. Judging must know every pitch already.
   */
  void readyFinals(Round round, List<Pitch> pitches, List<String> judgeIds) {
    String screening = "/api/rounds/" + round.id() + "/stages/SCREENING";
    putStage(screening + "/rubric", rubric(1));
    putStage(screening + "/panel", Map.of("judgeIds", judgeIds));
    expect(
        send(
            url("judging-service"),
            "POST",
            screening + "/shortlist",
            organiser,
            Map.of("pitchIds", pitches.stream().map(Pitch::id).toList()),
            Map.of()),
        200);
    String finals = "/api/rounds/" + round.id() + "/stages/FINALS";
    putStage(finals + "/rubric", rubric(judgeIds.size()));
    putStage(finals + "/panel", Map.of("judgeIds", judgeIds));
    expect(send(url("judging-service"), "POST", finals + "/assignments", organiser), 200);
  }

  /**
   * A judge's finals score. 201 is the first score; 200 a revision, which is what the retry of a
   * first score that was stored before its answer was lost gets.
   */
  Answer score(Pitch pitch, String judgeId, String judgeToken, int impact, int team) {
    return expect(
        send(
            url("judging-service"),
            "PUT",
            "/api/pitches/%s/stages/FINALS/scores/%s".formatted(pitch.id(), judgeId),
            judgeToken,
            Map.of("scores", Map.of("impact", impact, "team", team), "comment", "Heard"),
            Map.of()),
        201,
        200);
  }

  void conclude(Round round) {
    expect(
        send(url("judging-service"), "POST", "/api/rounds/" + round.id() + "/conclude", organiser),
        201,
        200);
  }

  /** The round's finals ranking, best first: pitch ids. */
  List<String> finalsRanking(Round round) {
    Answer ranking =
        expect(
            send(
                url("judging-service"),
                "GET",
                "/api/rounds/" + round.id() + "/stages/FINALS/ranking",
                organiser),
            200);
    return ranking
        .body()
        .path("entries")
        .valueStream()
        .map(e -> e.path("pitchId").asString())
        .toList();
  }

  private void putStage(String path, Object body) {
    expect(send(url("judging-service"), "PUT", path, organiser, body, Map.of()), 201, 200);
  }

  private static Map<String, Object> rubric(int minJudgesPerPitch) {
    return Map.ofEntries(
        entry(
            "criteria",
            List.of(
                Map.of("key", "impact", "name", "Impact", "weight", 0.6),
                Map.of("key", "team", "name", "Team", "weight", 0.4))),
        entry("normalisation", "NONE"),
        entry("minJudgesPerPitch", minJudgesPerPitch));
  }

  // HTTP

  private JsonNode token(String query) {
    return expect(send(issuerUrl, "GET", "/dev/token?" + query, null), 200).body();
  }

  private Answer send(String baseUrl, String method, String path, String token) {
    return send(baseUrl, method, path, token, null, Map.of());
  }

  /** Sends until the answer is definite; see the class comment. */
  private Answer send(
      String baseUrl,
      String method,
      String path,
      String token,
      Object body,
      Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpRequest request = builder.build();
    Instant deadline = Instant.now().plus(GIVE_UP);
    while (true) {
      String failure;
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status < 502 || status > 504) {
          String raw = response.body();
          JsonNode json = raw == null || raw.isBlank() ? JSON.nullNode() : parse(raw);
          return new Answer(status, json, raw);
        }
        failure = "HTTP " + status;
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: " + method + " " + baseUrl + path, e);
      }
      uncertain.incrementAndGet();
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "no definite answer to %s %s%s within %s; last: %s"
                .formatted(method, baseUrl, path, GIVE_UP, failure));
      }
      try {
        Thread.sleep(RETRY_PAUSE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static JsonNode parse(String raw) {
    try {
      return JSON.readTree(raw);
    } catch (RuntimeException notJson) {
      return JSON.nullNode();
    }
  }

  private static Answer expect(Answer answer, int... statuses) {
    if (Arrays.stream(statuses).noneMatch(s -> s == answer.status())) {
      throw new AssertionError(
          "expected "
              + Arrays.toString(statuses)
              + " but got "
              + answer.status()
              + ": "
              + answer.raw());
    }
    return answer;
  }
}
