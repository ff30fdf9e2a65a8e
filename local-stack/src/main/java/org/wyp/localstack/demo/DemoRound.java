package org.wyp.localstack.demo;

import static java.util.Map.entry;

import java.io.PrintStream;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.wyp.localstack.demo.DemoCast.Company;
import org.wyp.localstack.demo.DemoCast.Stakeholder;
import tools.jackson.databind.JsonNode;

/**
 * Plays a whole round through the services' public APIs, as the programme's people would: a round
 * is announced and opened, stakeholders publish problems and endorse each other's, SMEs register
 * and pitch, assessors screen the pitches, a shortlist goes to the finals, the panel scores them
 * live (paced, so someone watching the board sees it fill in), judging concludes and the seed fund
 * is split between the top pitches, who accept and get their first tranche.
 *
 * <p>Nothing is written to a database or topic directly: every step is a REST call, and steps that
 * depend on another service's events wait for them.
 */
public final class DemoRound {

  private static final String PREFIX = "[demo] ";
  private static final Duration CROSS_SERVICE = Duration.ofSeconds(90);
  private static final int FIRST_TRANCHE_PERCENT = 40;

  private final Shape shape;
  private final Tokens tokens;
  private final ApiClient problemsApi;
  private final ApiClient submissionsApi;
  private final ApiClient judgingApi;
  private final ApiClient awardsApi;
  // The organiser's view of each API; SMEs, problem owners and judges call with their own tokens.
  private ApiClient problems;
  private ApiClient submissions;
  private ApiClient judging;
  private ApiClient awards;
  private final Map<String, String> judgeTokens = new LinkedHashMap<>();
  private final PrintStream out;
  // Seeded: every run of the demo tells the same story.
  private final Random random = new Random(2027);
  private final String runTag;

  /**
   * How big a round to play.
   *
   * @param problems problems published (at most the cast's eight)
   * @param smes SMEs that register and pitch, spread over the problems (at most the cast's 24)
   * @param finalists pitches shortlisted for the finals
   * @param judges the panel, who also screen (at most the cast's seven)
   * @param fundPence the seed fund
   * @param winners how many top pitches share the fund
   * @param pace the pause between two finals scores
   */
  public record Shape(
      int problems,
      int smes,
      int finalists,
      int judges,
      long fundPence,
      int winners,
      Duration pace) {

    public Shape {
      require(problems >= 1 && problems <= DemoCast.PROBLEMS.size(), "problems 1 to 8");
      require(smes >= problems && smes <= DemoCast.COMPANIES.size(), "smes from problems to 24");
      require(finalists >= 1 && finalists <= smes, "finalists from 1 to smes");
      require(judges >= 2 && judges <= DemoCast.JUDGES.size(), "judges 2 to 7");
      require(winners >= 1 && winners <= finalists, "winners from 1 to finalists");
      require(fundPence > 0, "a positive fund");
      require(!pace.isNegative(), "a pace of zero or more");
    }

    /** The demo of the README: 8 problems, 20 SMEs, 6 finalists, 5 judges, £150,000 to 3. */
    public static Shape full(Duration pace) {
      return new Shape(8, 20, 6, 5, 150_000_00L, 3, pace);
    }

    private static void require(boolean holds, String what) {
      if (!holds) {
        throw new IllegalArgumentException("a demo round needs " + what);
      }
    }
  }

  /** One winner as the award service granted it. */
  public record Winner(
      int rank, String company, String pitchId, String awardId, long amountPence) {}

  /** What the demo made, for whoever wants to check it. */
  public record Result(
      String roundId,
      List<String> problemIds,
      List<String> pitchIds,
      List<String> finalistIds,
      List<String> judgeIds,
      List<Winner> winners) {}

  /**
   * @param serviceUrls base URL by service name: problem-, submission-, judging- and award-service
   * @param issuerUrl the development token issuer, which gives each person of the demo a token
   */
  public DemoRound(
      Shape shape, Map<String, String> serviceUrls, String issuerUrl, PrintStream out) {
    this.shape = shape;
    this.tokens = new Tokens(issuerUrl);
    this.problemsApi = new ApiClient(serviceUrls.get("problem-service"));
    this.submissionsApi = new ApiClient(serviceUrls.get("submission-service"));
    this.judgingApi = new ApiClient(serviceUrls.get("judging-service"));
    this.awardsApi = new ApiClient(serviceUrls.get("award-service"));
    this.out = out;
    // Company numbers must be unique across runs on the same data: derive them from the time.
    this.runTag = String.format("%06d", Instant.now().getEpochSecond() % 1_000_000);
  }

  public Result play() {
    long begin = System.nanoTime();
    String organiser = tokens.organiser();
    problems = problemsApi.as(organiser);
    submissions = submissionsApi.as(organiser);
    judging = judgingApi.as(organiser);
    awards = awardsApi.as(organiser);
    String roundId = announceAndOpenRound();
    List<String> problemIds = publishProblems(roundId);
    endorse(problemIds);
    List<Pitch> pitches = registerAndPitch(problemIds);
    problems.post("/api/rounds/" + roundId + "/close-submissions", null, 200);
    progress("submissions closed: %d pitches to %d problems", pitches.size(), problemIds.size());
    configureFund(roundId);
    List<String> judgeIds = registerJudges();
    awaitJudgingKnows(roundId, pitches.size());
    List<Pitch> finalists = screen(roundId, judgeIds, pitches);
    scoreFinalsLive(roundId, judgeIds, finalists);
    judging.post("/api/rounds/" + roundId + "/conclude", null, 201);
    progress("judging concluded; the ranking is final");
    List<Winner> winners = awaitAwards(roundId, pitches);
    payFirstTranches(winners, pitches);
    printSummary(winners, Duration.ofNanos(System.nanoTime() - begin));
    return new Result(
        roundId,
        problemIds,
        pitches.stream().map(Pitch::id).toList(),
        finalists.stream().map(Pitch::id).toList(),
        judgeIds,
        winners);
  }

  private record Pitch(String id, Company company, String smeToken, String title, int quality) {}

  private String announceAndOpenRound() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JsonNode round =
        problems.post(
            "/api/rounds",
            Map.of(
                "name",
                "Healthier homes, stronger families",
                "description",
                "Problems from the city region's NHS trusts and councils: health, care, housing"
                    + " and family support",
                "opensAt",
                now.toString(),
                "closesAt",
                now.plus(42, ChronoUnit.DAYS).toString(),
                "finalsAt",
                now.plus(70, ChronoUnit.DAYS).toString()),
            201);
    String roundId = round.path("id").asString();
    problems.post("/api/rounds/" + roundId + "/open", null, 200);
    progress("round %s announced and open", roundId);
    return roundId;
  }

  private List<String> publishProblems(String roundId) {
    List<String> ids = new ArrayList<>();
    for (Stakeholder stakeholder : DemoCast.PROBLEMS.subList(0, shape.problems())) {
      ApiClient owner = problemsApi.as(tokens.problemOwner(stakeholder.organisation()));
      JsonNode draft =
          owner.post(
              "/api/problems",
              Map.ofEntries(
                  entry("roundId", roundId),
                  entry("title", stakeholder.title()),
                  entry("summary", stakeholder.summary()),
                  entry("description", stakeholder.summary() + " We want to hear new ideas."),
                  entry("theme", stakeholder.theme()),
                  entry("ownerOrganisation", stakeholder.organisation()),
                  entry("boroughs", stakeholder.boroughs()),
                  entry("evidence", "Service data 2022-2026"),
                  entry("datasets", List.of()),
                  entry("successMeasures", List.of(stakeholder.successMeasure()))),
              201);
      String id = draft.path("id").asString();
      problems.post("/api/problems/" + id + "/publish", null, 200);
      ids.add(id);
      progress(
          "problem published: %s (%s, %s)",
          stakeholder.title(), stakeholder.theme(), stakeholder.organisation());
    }
    return ids;
  }

  /** Each stakeholder endorses the next one's problem: the problems are shared, not niche. */
  private void endorse(List<String> problemIds) {
    if (problemIds.size() < 2) {
      return;
    }
    for (int i = 0; i < problemIds.size(); i++) {
      Stakeholder endorser = DemoCast.PROBLEMS.get((i + 1) % problemIds.size());
      problemsApi
          .as(tokens.problemOwner(endorser.organisation()))
          .post(
              "/api/problems/" + problemIds.get(i) + "/endorsements",
              Map.of("organisation", endorser.organisation(), "note", "We see this too"),
              201);
    }
    progress("%d endorsements recorded", problemIds.size());
  }

  private List<Pitch> registerAndPitch(List<String> problemIds) {
    List<Pitch> pitches = new ArrayList<>();
    for (int i = 0; i < shape.smes(); i++) {
      Company company = DemoCast.COMPANIES.get(i);
      Tokens.SmeToken sme = tokens.newSme();
      ApiClient asSme = submissionsApi.as(sme.token());
      String smeId = register(asSme, company, i);
      String problemId = problemIds.get(i % problemIds.size());
      Stakeholder problem = DemoCast.PROBLEMS.get(i % problemIds.size());
      String title =
          company.name().replace(" Ltd", "").replace(" CIC", "") + " for " + lower(problem.title());
      Map<String, Object> pitch =
          Map.ofEntries(
              entry("problemId", problemId),
              entry("smeId", smeId),
              entry("title", title),
              entry("summary", "A pilot with local services, measured against the problem's goal"),
              entry("approach", "Co-design with frontline staff, then a 12-week pilot"),
              entry("dataUse", "Only anonymised service data, under a data-sharing agreement"),
              entry("impact", problem.successMeasure()),
              entry("requestedPence", (30 + random.nextInt(50)) * 1_000_00L),
              entry(
                  "team", List.of(Map.of("name", "Founder of " + company.name(), "role", "Lead"))),
              entry("links", List.of()));
      // The first pitch waits until submission-service has heard of the round and problems.
      JsonNode submitted =
          i == 0
              ? ApiClient.eventually(
                  "submission-service to learn of the problems",
                  CROSS_SERVICE,
                  () -> asSme.post("/api/submissions", pitch, 201))
              : asSme.post("/api/submissions", pitch, 201);
      pitches.add(
          new Pitch(
              submitted.path("id").asString(), company, sme.token(), title, 3 + random.nextInt(6)));
      progress("%s pitched to \"%s\"", company.name(), problem.title());
    }
    return pitches;
  }

  private String register(ApiClient asSme, Company company, int index) {
    JsonNode sme =
        asSme.post(
            "/api/smes",
            Map.ofEntries(
                entry("companyName", company.name()),
                entry("companyNumber", String.format("%02d%s", index, runTag)),
                entry("employees", company.employees()),
                entry("turnoverPence", 50_000_000L + company.employees() * 4_000_000L),
                entry("postcode", company.postcode()),
                entry("contactName", "Founder of " + company.name()),
                entry("contactEmail", "hello@example.co.uk"),
                entry("website", "")),
            201);
    if (!sme.path("eligible").asBoolean()) {
      throw new IllegalStateException(company.name() + " is not eligible: " + sme);
    }
    return sme.path("id").asString();
  }

  private void configureFund(String roundId) {
    // First place weighs as many shares as there are winners, the last one share.
    List<Integer> weights = new ArrayList<>();
    for (int place = shape.winners(); place >= 1; place--) {
      weights.add(place);
    }
    awards.put(
        "/api/funds/" + roundId,
        Map.ofEntries(
            entry("budgetPence", shape.fundPence()),
            entry("maxAwards", shape.winners()),
            entry("policy", "RANK_WEIGHTED"),
            entry("rankWeights", weights),
            entry(
                "tranches",
                List.of(
                    Map.of("label", "On signing", "percent", FIRST_TRANCHE_PERCENT),
                    Map.of("label", "Pilot complete", "percent", 100 - FIRST_TRANCHE_PERCENT)))),
        201);
    progress("seed fund of %s set for the top %d", pounds(shape.fundPence()), shape.winners());
  }

  private List<String> registerJudges() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < shape.judges(); i++) {
      JsonNode judge =
          judging.post(
              "/api/judges",
              Map.of(
                  "name",
                  DemoCast.JUDGES.get(i),
                  "organisation",
                  DemoCast.JUDGE_ORGANISATIONS.get(i % DemoCast.JUDGE_ORGANISATIONS.size()),
                  "expertise",
                  List.of("health", "care", "housing", "family-support"),
                  "affiliations",
                  List.of()),
              201);
      String id = judge.path("id").asString();
      ids.add(id);
      // The judge's token carries the id the service gave it, as an identity provider would.
      judgeTokens.put(id, tokens.judge(id));
    }
    progress("%d judges registered", ids.size());
    return ids;
  }

  private void awaitJudgingKnows(String roundId, int pitches) {
    ApiClient.eventually(
        "judging-service to learn of every pitch",
        CROSS_SERVICE,
        () -> {
          long known =
              judging
                  .get("/api/rounds/" + roundId + "/pitches?size=100")
                  .path("totalElements")
                  .asLong();
          if (known < pitches) {
            throw new IllegalStateException(known + " of " + pitches + " pitches known");
          }
          return known;
        });
  }

  /** Two assessors per pitch score it; the best {@code finalists} go through. */
  private List<Pitch> screen(String roundId, List<String> judgeIds, List<Pitch> pitches) {
    String stage = "/api/rounds/" + roundId + "/stages/SCREENING";
    judging.put(stage + "/rubric", rubric(2, shape.finalists()), 201);
    judging.put(stage + "/panel", Map.of("judgeIds", judgeIds), 201);
    JsonNode panel = judging.post(stage + "/assignments", null, 200);
    Map<String, Pitch> byId = new LinkedHashMap<>();
    pitches.forEach(p -> byId.put(p.id(), p));
    int scored = 0;
    for (JsonNode assignment : panel.path("assignments")) {
      Pitch pitch = byId.get(assignment.path("pitchId").asString());
      for (JsonNode judge : assignment.path("judgeIds")) {
        score(pitch, "SCREENING", judge.asString(), 0);
        scored++;
      }
    }
    progress("screening: %d scores from %d assessors", scored, judgeIds.size());
    JsonNode shortlist = judging.post(stage + "/shortlist", Map.of("size", shape.finalists()), 200);
    List<Pitch> finalists = new ArrayList<>();
    for (JsonNode entry : shortlist.path("shortlisted")) {
      finalists.add(byId.get(entry.path("pitchId").asString()));
    }
    progress(
        "shortlist: %s",
        String.join(", ", finalists.stream().map(p -> p.company().name()).toList()));
    return finalists;
  }

  /**
   * Each finalist presents in turn and the whole panel scores it, one score at a time: on the
   * public board its "scores in" count rises, and its place appears once the panel is complete.
   */
  private void scoreFinalsLive(String roundId, List<String> judgeIds, List<Pitch> finalists) {
    String stage = "/api/rounds/" + roundId + "/stages/FINALS";
    judging.put(stage + "/rubric", rubric(judgeIds.size(), null), 201);
    judging.put(stage + "/panel", Map.of("judgeIds", judgeIds), 201);
    judging.post(stage + "/assignments", null, 200);
    progress(
        "finals: %d pitches, %d judges, one score every %.1f s — watch the board",
        finalists.size(), judgeIds.size(), shape.pace().toMillis() / 1000.0);
    for (Pitch pitch : finalists) {
      for (int j = 0; j < judgeIds.size(); j++) {
        ApiClient.pause(shape.pace());
        score(pitch, "FINALS", judgeIds.get(j), j);
      }
      progress("finals: %s scored by the whole panel", pitch.company().name());
    }
  }

  /**
   * The demo's rubric: impact, feasibility and value for money, marked 0 to 10, not normalised.
   * Also what the benchmarks' rounds are judged by.
   */
  public static Map<String, Object> rubric(int judgesPerPitch, Integer shortlistSize) {
    Map<String, Object> rubric = new LinkedHashMap<>();
    rubric.put(
        "criteria",
        List.of(
            Map.of("key", "impact", "name", "Impact on the problem", "weight", 0.4),
            Map.of("key", "feasibility", "name", "Feasibility", "weight", 0.3),
            Map.of("key", "value", "name", "Value for money", "weight", 0.3)));
    rubric.put("normalisation", "NONE");
    rubric.put("minJudgesPerPitch", judgesPerPitch);
    if (shortlistSize != null) {
      rubric.put("shortlistSize", shortlistSize);
    }
    return rubric;
  }

  /** A judge's marks: the pitch's quality, give or take a point by the judge's taste. */
  private void score(Pitch pitch, String stage, String judgeId, int judgeIndex) {
    Map<String, Integer> marks = new LinkedHashMap<>();
    for (String criterion : List.of("impact", "feasibility", "value")) {
      int mark = pitch.quality() + random.nextInt(3) - 1 + (judgeIndex % 2);
      marks.put(criterion, Math.max(0, Math.min(10, mark)));
    }
    judgingApi
        .as(judgeTokens.get(judgeId))
        .put(
            "/api/pitches/%s/stages/%s/scores/%s".formatted(pitch.id(), stage, judgeId),
            Map.of("scores", marks, "comment", "Scored at the " + stage.toLowerCase(Locale.ROOT)),
            201);
  }

  private List<Winner> awaitAwards(String roundId, List<Pitch> pitches) {
    JsonNode page =
        ApiClient.eventually(
            "award-service to grant the awards",
            CROSS_SERVICE,
            () -> {
              JsonNode granted = awards.get("/api/awards?roundId=" + roundId);
              if (granted.path("totalElements").asInt() < shape.winners()) {
                throw new IllegalStateException("awards not granted yet");
              }
              return granted;
            });
    Map<String, Pitch> byId = new LinkedHashMap<>();
    pitches.forEach(p -> byId.put(p.id(), p));
    List<Winner> winners = new ArrayList<>();
    for (JsonNode award : page.path("content")) {
      Pitch pitch = byId.get(award.path("submissionId").asString());
      winners.add(
          new Winner(
              award.path("rank").asInt(),
              pitch == null ? "?" : pitch.company().name(),
              award.path("submissionId").asString(),
              award.path("id").asString(),
              award.path("amountPence").asLong()));
    }
    return winners;
  }

  private void payFirstTranches(List<Winner> winners, List<Pitch> pitches) {
    Map<String, String> smeTokens = new LinkedHashMap<>();
    pitches.forEach(p -> smeTokens.put(p.id(), p.smeToken()));
    for (Winner winner : winners) {
      // The winning SME accepts its own award; the organiser signs off the first milestone.
      awardsApi
          .as(smeTokens.get(winner.pitchId()))
          .post("/api/awards/" + winner.awardId() + "/accept", null, 200);
      awards.post("/api/awards/" + winner.awardId() + "/tranches/1/release", null, 200);
    }
    progress("winners accepted their awards; first tranches (%d%%) paid", FIRST_TRANCHE_PERCENT);
  }

  private void printSummary(List<Winner> winners, Duration took) {
    StringBuilder summary = new StringBuilder();
    summary.append(
        String.format(
            "%n%sThe round is complete (played in %.0f s). Winners:%n",
            PREFIX, took.toMillis() / 1000.0));
    for (Winner winner : winners) {
      summary.append(
          String.format(
              "  %d. %-34s %s%n", winner.rank(), winner.company(), pounds(winner.amountPence())));
    }
    out.print(summary);
    out.flush();
  }

  private void progress(String format, Object... args) {
    out.println(PREFIX + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  static String pounds(long pence) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
    format.setMaximumFractionDigits(pence % 100 == 0 ? 0 : 2);
    return format.format(pence / 100.0);
  }

  private static String lower(String title) {
    return Character.toLowerCase(title.charAt(0)) + title.substring(1);
  }
}
