package org.wyp.bench.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.wyp.bench.setup.Programme;
import org.wyp.bench.stack.StackProcess;
import org.wyp.localstack.demo.ApiClient;
import org.wyp.localstack.demo.DemoRound;
import tools.jackson.databind.JsonNode;

/**
 * Rounds brought to their finals through the APIs, as a programme team would: a problem, a pitch
 * from every SME, screening by two assessors per pitch, every pitch shortlisted, and a finals panel
 * of five judges assigned to every finalist, none of whom has scored yet.
 */
final class FinalsRounds {

  static final int JUDGES_PER_PANEL = 5;

  /** Judges are shared by the rounds' panels, so that none scores faster than a person could. */
  private static final int JUDGES = 25;

  private static final Duration CROSS_SERVICE = Duration.ofSeconds(90);

  /** A round in its finals: its finalists and the panel that is to score each of them. */
  record Finals(UUID roundId, List<UUID> finalists, List<String> panel) {}

  /** A judge as the platform knows it, with the token it scores with. */
  record Judge(String id, String token) {}

  private final StackProcess stack;
  private final Programme programme;
  private final ApiClient judging;
  private final Map<String, String> judgeTokens = new LinkedHashMap<>();

  FinalsRounds(StackProcess stack) {
    this.stack = stack;
    this.programme = new Programme(stack);
    this.judging = new ApiClient(stack.url("judging-service")).as(programme.organiserToken());
  }

  /** The token of a judge registered by {@link #prepare}. */
  String judgeToken(String judgeId) {
    return judgeTokens.get(judgeId);
  }

  List<Finals> prepare(int rounds, int finalistsPerRound) throws Exception {
    List<String> judges = registerJudges();
    List<Programme.Sme> smes = programme.registerSmes(finalistsPerRound);
    List<Finals> finals = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Finals>> pending = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        List<String> panel = new ArrayList<>();
        for (int j = 0; j < JUDGES_PER_PANEL; j++) {
          panel.add(judges.get((r * JUDGES_PER_PANEL + j) % judges.size()));
        }
        int number = r + 1;
        pending.add(pool.submit(() -> finals(number, smes, panel)));
      }
      for (Future<Finals> round : pending) {
        finals.add(round.get());
      }
    }
    return finals;
  }

  private List<String> registerJudges() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < JUDGES; i++) {
      JsonNode judge =
          judging.post(
              "/api/judges",
              Map.of(
                  "name",
                  "Bench Judge " + (i + 1),
                  "organisation",
                  "Bench Panel " + (i % 5 + 1),
                  "expertise",
                  List.of("health", "housing"),
                  "affiliations",
                  List.of()),
              201);
      String id = judge.path("id").asString();
      ids.add(id);
      judgeTokens.put(id, programme.tokens().judge(id));
    }
    return ids;
  }

  private Finals finals(int number, List<Programme.Sme> smes, List<String> panel) {
    UUID round = programme.openRound("Live latency benchmark " + number);
    UUID problem = programme.publishProblems(round, 1).getFirst();
    List<UUID> pitches = new ArrayList<>();
    for (int i = 0; i < smes.size(); i++) {
      pitches.add(programme.pitch(smes.get(i), problem, i));
    }
    programme.closeSubmissions(round);
    awaitJudgingKnows(round, pitches.size());

    String screening = "/api/rounds/" + round + "/stages/SCREENING";
    judging.put(screening + "/rubric", DemoRound.rubric(2, pitches.size()), 201);
    judging.put(screening + "/panel", Map.of("judgeIds", panel), 201);
    JsonNode assignments = judging.post(screening + "/assignments", null, 200);
    for (JsonNode assignment : assignments.path("assignments")) {
      UUID pitch = UUID.fromString(assignment.path("pitchId").asString());
      for (JsonNode judge : assignment.path("judgeIds")) {
        score(pitch, "SCREENING", judge.asString(), 7);
      }
    }
    judging.post(screening + "/shortlist", Map.of("size", pitches.size()), 200);

    String finals = "/api/rounds/" + round + "/stages/FINALS";
    judging.put(finals + "/rubric", DemoRound.rubric(panel.size(), null), 201);
    judging.put(finals + "/panel", Map.of("judgeIds", panel), 201);
    judging.post(finals + "/assignments", null, 200);
    return new Finals(round, pitches, panel);
  }

  private void awaitJudgingKnows(UUID round, int pitches) {
    ApiClient.eventually(
        "judging-service to learn of round " + round + "'s pitches",
        CROSS_SERVICE,
        () -> {
          long known =
              judging
                  .get("/api/rounds/" + round + "/pitches?size=100")
                  .path("totalElements")
                  .asLong();
          if (known < pitches) {
            throw new IllegalStateException(known + " of " + pitches + " pitches known");
          }
          return known;
        });
  }

  /** Scores a pitch with the same mark on every criterion. */
  void score(UUID pitch, String stage, String judgeId, int mark) {
    new ApiClient(stack.url("judging-service"))
        .as(judgeTokens.get(judgeId))
        .put(
            "/api/pitches/%s/stages/%s/scores/%s".formatted(pitch, stage, judgeId),
            scoreJson(mark),
            201);
  }

  static String scoreJson(int mark) {
    return """
        {"scores":{"impact":%d,"feasibility":%d,"value":%d},"comment":"Scored by the benchmark"}"""
        .formatted(mark, mark, mark);
  }
}
