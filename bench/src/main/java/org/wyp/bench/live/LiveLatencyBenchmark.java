package org.wyp.bench.live;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.wyp.bench.load.Call;
import org.wyp.bench.load.HttpCalls;
import org.wyp.bench.load.LoadResult;
import org.wyp.bench.load.OpenLoad;
import org.wyp.bench.report.Baseline;
import org.wyp.bench.report.Measurement;
import org.wyp.bench.report.Target;
import org.wyp.bench.stack.StackProcess;

/**
 * The time from a judge's finals score to the finals board of a browser subscribed to the web
 * front: through judging-service's outbox, its own consumer of the judging topic, the board view's
 * outbox, the update topic, the web front and its server-sent events. Judges score at a fixed total
 * rate across many rounds' finals (as on a busy finals day); each score is the first of its judge
 * for its finalist, so it shows as the finalist's "scores in" count going up by one. A finalist's
 * next score comes only after every other finalist's, seconds later, so each count belongs to
 * exactly one score.
 */
public final class LiveLatencyBenchmark {

  private static final String NAME = "live";
  private static final int FINALISTS_PER_ROUND = 20;
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final StackProcess stack;
  private final double perSecond;
  private final Duration duration;
  private final PrintStream progress;

  public LiveLatencyBenchmark(
      StackProcess stack, double perSecond, Duration duration, PrintStream progress) {
    this.stack = stack;
    this.perSecond = perSecond;
    this.duration = duration;
    this.progress = progress;
  }

  /** One score of the load: its finalist, its judge, and the count it makes visible. */
  private record Score(String pitchId, String judgeId, int scoresIn) {}

  public List<Measurement> run() throws Exception {
    int scores = (int) Math.round(perSecond * duration.toNanos() / 1e9);
    int rounds =
        (int) Math.ceil(scores / (double) (FINALISTS_PER_ROUND * FinalsRounds.JUDGES_PER_PANEL));
    progress.printf(
        "[bench] live: %d rounds' finals, %d finalists and %d judges each ...%n",
        rounds, FINALISTS_PER_ROUND, FinalsRounds.JUDGES_PER_PANEL);
    FinalsRounds setup = new FinalsRounds(stack);
    List<FinalsRounds.Finals> finals = setup.prepare(rounds, FINALISTS_PER_ROUND);
    List<Score> schedule = schedule(finals).subList(0, scores);

    try (BoardWatcher watcher = new BoardWatcher(stack.url("web"))) {
      watcher.awaitLive(Duration.ofSeconds(60));
      AtomicLongArray sentAt = new AtomicLongArray(schedule.size());
      String judging = stack.url("judging-service");
      Call call =
          index -> {
            Score score = schedule.get((int) index);
            HttpRequest request =
                HttpRequest.newBuilder(
                        URI.create(
                            "%s/api/pitches/%s/stages/FINALS/scores/%s"
                                .formatted(judging, score.pitchId(), score.judgeId())))
                    .header("Authorization", "Bearer " + setup.judgeToken(score.judgeId()))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(FinalsRounds.scoreJson(6)))
                    .build();
            sentAt.set((int) index, System.nanoTime());
            return HttpCalls.send(request);
          };
      LoadResult posts =
          OpenLoad.run(
              "finals scores at " + (long) perSecond + "/s", perSecond, duration, 201, call);
      progress.println("[bench] live: " + posts);

      Histogram toBoard = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
      long unseen = awaitOnBoard(watcher, schedule, sentAt, toBoard);
      progress.printf(
          "[bench] live: score to board p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d never shown%n",
          toBoard.getValueAtPercentile(50) / 1000.0,
          toBoard.getValueAtPercentile(99) / 1000.0,
          toBoard.getMaxValue() / 1000.0,
          unseen);

      String at = " at " + (long) perSecond + " scores/s";
      Baseline p50 = new Baseline("score PUT answered", posts.percentileMillis(50));
      Baseline p99 = new Baseline("score PUT answered", posts.percentileMillis(99));
      List<Measurement> figures = new ArrayList<>();
      figures.add(
          Measurement.of(
                  NAME,
                  "score PUT to SSE client p50" + at,
                  toBoard.getValueAtPercentile(50) / 1000.0,
                  "ms")
              .against(p50));
      figures.add(
          Measurement.of(
                  NAME,
                  "score PUT to SSE client p99" + at,
                  toBoard.getValueAtPercentile(99) / 1000.0,
                  "ms")
              .against(p99)
              .target(Target.below(50)));
      figures.add(
          Measurement.of(
                  NAME,
                  "scores not answered 201 or never on the board",
                  posts.failed() + unseen,
                  "scores")
              .target(Target.below(1)));
      return figures;
    }
  }

  /**
   * Every finalist's first judge, then every finalist's second, and so on: consecutive scores of
   * one finalist are a whole pass over all finalists apart.
   */
  private static List<Score> schedule(List<FinalsRounds.Finals> finals) {
    List<Score> schedule = new ArrayList<>();
    for (int judge = 0; judge < FinalsRounds.JUDGES_PER_PANEL; judge++) {
      for (FinalsRounds.Finals round : finals) {
        for (var finalist : round.finalists()) {
          schedule.add(new Score(finalist.toString(), round.panel().get(judge), judge + 1));
        }
      }
    }
    return schedule;
  }

  /** Waits for every score to show; records each one's latency, and returns how many never did. */
  private static long awaitOnBoard(
      BoardWatcher watcher, List<Score> schedule, AtomicLongArray sentAt, Histogram latency)
      throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    boolean[] done = new boolean[schedule.size()];
    int remaining = schedule.size();
    while (remaining > 0 && System.nanoTime() < deadline) {
      for (int i = 0; i < schedule.size(); i++) {
        if (done[i]) {
          continue;
        }
        Score score = schedule.get(i);
        Optional<Long> seen = watcher.firstSeen(score.pitchId(), score.scoresIn());
        if (seen.isPresent()) {
          latency.recordValue(Math.max(0, (seen.get() - sentAt.get(i)) / 1000));
          done[i] = true;
          remaining--;
        }
      }
      Thread.sleep(50);
    }
    return remaining;
  }
}
