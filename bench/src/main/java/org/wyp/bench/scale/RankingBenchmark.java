package org.wyp.bench.scale;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wyp.bench.report.Baseline;
import org.wyp.bench.report.Measurement;
import org.wyp.bench.report.ResultTable;
import org.wyp.bench.report.Target;
import org.wyp.bench.scale.RankingTimer.Timings;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.ranking.ChainRanking;
import org.wyp.judgingservice.scoring.Normalisation;

/**
 * How long judging-service's own ranking code takes to rank a screening round of 10,000 pitches
 * each scored by 5 judges, run in-process on the round's chain: {@link ChainRanking#recompute}, the
 * pure function anyone holding the published chain runs, under each normalisation a rubric can
 * choose. It is timed whole against the target, and in its two parts (folding the chain into a
 * {@link RoundLedger}, ranking the ledger) as context for where the time goes.
 */
public final class RankingBenchmark {

  private static final String BENCHMARK = "scale";
  private static final int PITCHES = 10_000;
  private static final int JUDGES = 5;
  private static final int SCORES = PITCHES * JUDGES;
  private static final long SEED = 20_260_302L;
  private static final int WARMUPS = 5;
  private static final int RUNS = 20;
  private static final double TARGET_MS = 200;

  private RankingBenchmark() {}

  /** What one normalisation's round gave. */
  private record Figures(
      Normalisation normalisation, double buildMs, Timings recompute, Timings fold, Timings rank) {}

  public static void main(String[] args) {
    ResultTable table = new ResultTable();
    table.addAll(run(System.out));
    table.print(System.out);
  }

  public static List<Measurement> run(PrintStream progress) {
    RankingTimer timer = new RankingTimer(WARMUPS, RUNS);
    List<Figures> figures = new ArrayList<>();
    Timings baseline = null;
    for (Normalisation normalisation : Normalisation.values()) {
      progress.println(
          format(
              "[bench] ranking: building a chain of %,d entries (%,d pitches x %d judges, %s, %s)"
                  + " ...",
              SCORES + 1, PITCHES, JUDGES, RankingRound.STAGE, normalisation));
      long start = System.nanoTime();
      RankingRound round = RankingRound.build(PITCHES, JUDGES, normalisation, SEED);
      double buildMs = (System.nanoTime() - start) / 1e6;
      RankingPlausibility.requireCount("chain entries", round.chain().size(), SCORES + 1);
      progress.println(format("[bench] ranking: chain built in %,.0f ms", buildMs));

      figures.add(measure(round, normalisation, buildMs, timer, progress));
      // The marks' fixed seed gives every normalisation's round the same totals: the baseline,
      // which needs only those, is timed once.
      if (baseline == null) {
        baseline = measureBaseline(round, timer, progress);
      }
    }
    return measurements(figures, baseline);
  }

  private static Figures measure(
      RankingRound round,
      Normalisation normalisation,
      double buildMs,
      RankingTimer timer,
      PrintStream progress) {
    progress.println(
        format(
            "[bench] ranking: timing ChainRanking.recompute, %s (%d warm-up, %d timed runs) ...",
            normalisation, WARMUPS, RUNS));
    Timings recompute =
        timer.time(
            () -> ChainRanking.recompute(round.roundId(), round.chain(), round.stage()),
            ranking -> RankingPlausibility.require(ranking, normalisation, PITCHES, JUDGES));
    progress.println(
        format(
            "[bench] ranking: recompute %s median %.1f ms, max %.1f ms",
            normalisation, recompute.medianMs(), recompute.maxMs()));

    progress.println("[bench] ranking: timing the chain fold and the ranking apart ...");
    Timings fold =
        timer.time(
            () -> RoundLedger.of(round.roundId(), round.chain()),
            ledger ->
                RankingPlausibility.requireCount(
                    "scores in the ledger", ledger.latestScores(round.stage()).size(), SCORES));
    RoundLedger ledger = RoundLedger.of(round.roundId(), round.chain());
    Timings rank =
        timer.time(
            () -> ChainRanking.rank(ledger, round.stage(), List.of()),
            ranking -> RankingPlausibility.require(ranking, normalisation, PITCHES, JUDGES));
    progress.println(
        format(
            "[bench] ranking: fold median %.1f ms, rank %s median %.1f ms",
            fold.medianMs(), normalisation, rank.medianMs()));
    return new Figures(normalisation, buildMs, recompute, fold, rank);
  }

  private static Timings measureBaseline(
      RankingRound round, RankingTimer timer, PrintStream progress) {
    progress.println(format("[bench] ranking: timing the baseline, group+sort %,d totals", SCORES));
    RankingBaseline baseline =
        RankingBaseline.of(RoundLedger.of(round.roundId(), round.chain()), round.stage());
    RankingPlausibility.requireCount("totals for the baseline", baseline.scores(), SCORES);
    Timings timings =
        timer.time(
            baseline::groupAndSort,
            means -> RankingPlausibility.requireCount("pitch means", means.size(), PITCHES));
    progress.println(
        format(
            "[bench] ranking: baseline median %.2f ms, max %.2f ms",
            timings.medianMs(), timings.maxMs()));
    return timings;
  }

  private static List<Measurement> measurements(List<Figures> figures, Timings baseline) {
    String round = format("ranking %,d pitches x %d judges", PITCHES, JUDGES);
    String groupAndSort = format("group+sort %,d totals", SCORES);
    List<Measurement> measurements = new ArrayList<>();
    for (Figures f : figures) {
      String ranked = round + ", " + f.normalisation();
      measurements.add(
          Measurement.of(BENCHMARK, ranked + ", median", f.recompute().medianMs(), "ms")
              .against(new Baseline(groupAndSort, baseline.medianMs()))
              .target(Target.below(TARGET_MS)));
      measurements.add(
          Measurement.of(BENCHMARK, ranked + ", max", f.recompute().maxMs(), "ms")
              .against(new Baseline(groupAndSort + ", max", baseline.maxMs()))
              .target(Target.below(TARGET_MS)));
      measurements.add(
          Measurement.of(
              BENCHMARK,
              "  of which folding the chain (RoundLedger.of), median",
              f.fold().medianMs(),
              "ms"));
      measurements.add(
          Measurement.of(
              BENCHMARK,
              "  of which ranking the ledger (ChainRanking.rank), median",
              f.rank().medianMs(),
              "ms"));
      measurements.add(
          Measurement.of(
              BENCHMARK,
              format("building and sealing its %,d-entry chain, once", SCORES + 1),
              f.buildMs(),
              "ms"));
    }
    return measurements;
  }

  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
