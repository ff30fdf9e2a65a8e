package org.wyp.judgingservice.properties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import org.wyp.judgingservice.scoring.Criterion;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankingRules;
import org.wyp.judgingservice.scoring.ScoreSheet;
import org.wyp.judgingservice.scoring.Totals;

/**
 * Generated stages of judging and what the ranking rules say about them, worked out here
 * independently of {@link ScoreSheet}: which totals count, each pitch's judges, mean and median.
 *
 * <p>Rubrics have weights in hundredths (as organisers write them) and small score ranges, so that
 * equal totals, and with them every tie-break, come up often. Ids are small numbers, so that their
 * order, which breaks the last ties, is easy to read in a counterexample.
 */
final class Stages {

  static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

  private Stages() {}

  /** A judge's scores for a pitch: one whole number per criterion, in the rubric's order. */
  record Sheet(UUID pitchId, UUID judgeId, Map<String, Integer> scores) {}

  /**
   * One stage: the rubric, the pitches the sheet knows, final score sheets (one per pitch and judge
   * at most), earlier ones they revised, withdrawn pitches, conflicts (judge, pitch), scores for
   * pitches the sheet does not know, and the rules.
   */
  record Stage(
      List<Criterion> rubric,
      List<PitchFacts> pitches,
      List<UUID> judges,
      List<Sheet> scores,
      List<Sheet> revised,
      Set<UUID> withdrawn,
      Set<List<UUID>> conflicts,
      List<Sheet> strays,
      RankingRules rules) {

    double total(Sheet sheet) {
      return Totals.total(rubric, sheet.scores());
    }

    Stage withRules(RankingRules other) {
      return new Stage(
          rubric, pitches, judges, scores, revised, withdrawn, conflicts, strays, other);
    }

    Stage withWithdrawn(UUID pitchId) {
      Set<UUID> more = new TreeSet<>(withdrawn);
      more.add(pitchId);
      return new Stage(rubric, pitches, judges, scores, revised, more, conflicts, strays, rules);
    }

    /** The sheet as the service fills it: pitches, revised scores, final scores, the rest. */
    ScoreSheet sheet() {
      return sheet(null, null, 1, 0);
    }

    /** The same inputs in the order {@code seed} shuffles them to. */
    ScoreSheet shuffledSheet(long seed) {
      return sheet(new Random(seed), null, 1, 0);
    }

    /** The sheet with every total of {@code judge} replaced by {@code scale × total + shift}. */
    ScoreSheet sheetWithJudgeRescaled(UUID judge, double scale, double shift) {
      return sheet(null, judge, scale, shift);
    }

    private ScoreSheet sheet(Random shuffle, UUID rescaled, double scale, double shift) {
      List<Consumer<ScoreSheet>> steps = new ArrayList<>();
      pitches.forEach(p -> steps.add(s -> s.pitch(p)));
      for (Sheet sheet : scores) {
        double total = total(sheet);
        double counted = sheet.judgeId().equals(rescaled) ? scale * total + shift : total;
        steps.add(s -> s.score(sheet.pitchId(), sheet.judgeId(), counted));
      }
      strays.forEach(sheet -> steps.add(s -> s.score(sheet.pitchId(), sheet.judgeId(), 50)));
      withdrawn.forEach(id -> steps.add(s -> s.withdraw(id)));
      conflicts.forEach(c -> steps.add(s -> s.exclude(c.get(0), c.get(1))));
      if (shuffle != null) {
        Collections.shuffle(steps, shuffle);
      }
      ScoreSheet sheet = new ScoreSheet();
      // A revision replaces an earlier score, so the earlier ones go first in any order.
      revised.forEach(r -> sheet.score(r.pitchId(), r.judgeId(), total(r)));
      steps.forEach(step -> step.accept(sheet));
      return sheet;
    }

    List<UUID> livePitches() {
      return pitches.stream()
          .map(PitchFacts::pitchId)
          .filter(id -> !withdrawn.contains(id))
          .toList();
    }

    /** Per live pitch, per judge (both by id), the totals that count. */
    Map<UUID, Map<UUID, Double>> counted() {
      Map<UUID, Map<UUID, Double>> counted = new TreeMap<>();
      livePitches().forEach(id -> counted.put(id, new TreeMap<>()));
      for (Sheet sheet : scores) {
        if (counted.containsKey(sheet.pitchId())
            && !conflicts.contains(List.of(sheet.judgeId(), sheet.pitchId()))) {
          counted.get(sheet.pitchId()).put(sheet.judgeId(), total(sheet));
        }
      }
      return counted;
    }

    /** Per judge (by id) that has a total that counts, those totals by pitch id. */
    Map<UUID, Map<UUID, Double>> countedByJudge() {
      Map<UUID, Map<UUID, Double>> byJudge = new TreeMap<>();
      counted()
          .forEach(
              (pitch, totals) ->
                  totals.forEach(
                      (judge, total) ->
                          byJudge.computeIfAbsent(judge, j -> new TreeMap<>()).put(pitch, total)));
      return byJudge;
    }

    PitchFacts facts(UUID pitchId) {
      return pitches.stream().filter(p -> p.pitchId().equals(pitchId)).findFirst().orElseThrow();
    }
  }

  static UUID pitchId(int key) {
    return new UUID(0x0190f000_0000_7000L, key);
  }

  static UUID judgeId(int key) {
    return new UUID(0x0190f000_0000_7001L, key);
  }

  /** One to four criteria, ranges of one to six points, weights in hundredths summing to 1. */
  static Arbitrary<List<Criterion>> rubrics() {
    return Arbitraries.integers()
        .between(1, 4)
        .flatMap(
            n ->
                Combinators.combine(
                        Arbitraries.integers().between(1, 99).set().ofSize(n - 1),
                        Arbitraries.integers().between(-3, 3).list().ofSize(n),
                        Arbitraries.integers().between(1, 6).list().ofSize(n))
                    .as(
                        (cuts, mins, widths) -> {
                          List<Integer> bounds = new ArrayList<>(new TreeSet<>(cuts));
                          bounds.add(0, 0);
                          bounds.add(100);
                          List<Criterion> criteria = new ArrayList<>();
                          for (int i = 0; i < n; i++) {
                            // The weight as the rubric's decimal gives it: the nearest double.
                            double weight =
                                BigDecimal.valueOf(bounds.get(i + 1) - bounds.get(i), 2)
                                    .doubleValue();
                            criteria.add(
                                new Criterion(
                                    "c" + i, weight, mins.get(i), mins.get(i) + widths.get(i)));
                          }
                          return List.copyOf(criteria);
                        }));
  }

  /**
   * Equal weights as an organiser may type them to many decimals: 1/n to 9 to 12 places, the last
   * criterion closing the sum to 1 (thirds as 0.3333333333, 0.3333333333, 0.3333333334), with
   * ranges of up to 30 points. Totals that would be equal with exact weights then differ by
   * fractions of a billionth, around the ranking's tie tolerance.
   */
  static Arbitrary<List<Criterion>> finelyWeightedRubrics() {
    return Combinators.combine(
            Arbitraries.integers().between(2, 4),
            Arbitraries.integers().between(9, 12),
            Arbitraries.integers().between(1, 30).list().ofSize(4))
        .as(
            (n, places, widths) -> {
              BigDecimal share =
                  BigDecimal.ONE.divide(BigDecimal.valueOf(n), places, RoundingMode.DOWN);
              BigDecimal last = BigDecimal.ONE.subtract(share.multiply(BigDecimal.valueOf(n - 1)));
              List<Criterion> criteria = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                double weight = (i < n - 1 ? share : last).doubleValue();
                criteria.add(new Criterion("c" + i, weight, 0, widths.get(i)));
              }
              return List.copyOf(criteria);
            });
  }

  /** A score sheet for the rubric; shrinks towards every criterion's minimum. */
  static Arbitrary<Map<String, Integer>> scoresFor(List<Criterion> rubric) {
    return Arbitraries.integers()
        .between(0, 1_000)
        .list()
        .ofSize(rubric.size())
        .map(
            draws -> {
              Map<String, Integer> scores = new LinkedHashMap<>();
              for (int i = 0; i < rubric.size(); i++) {
                Criterion c = rubric.get(i);
                scores.put(c.key(), c.min() + draws.get(i) % (c.max() - c.min() + 1));
              }
              return Map.copyOf(scores);
            });
  }

  static Arbitrary<Stage> stages() {
    return stages(rubrics(), 8, 5);
  }

  static Arbitrary<Stage> stages(
      Arbitrary<List<Criterion>> rubrics, int maxPitches, int maxJudges) {
    return rubrics.flatMap(
        rubric ->
            Combinators.combine(
                    Arbitraries.integers().between(1, maxPitches),
                    Arbitraries.integers().between(1, maxJudges))
                .flatAs((pitches, judges) -> stage(rubric, pitches, judges)));
  }

  private static Arbitrary<Stage> stage(List<Criterion> rubric, int nPitches, int nJudges) {
    int cells = nPitches * nJudges;
    Arbitrary<List<Integer>> pitchKeys =
        Arbitraries.integers().between(1, 99).list().ofSize(nPitches).uniqueElements();
    Arbitrary<List<Integer>> judgeKeys =
        Arbitraries.integers().between(1, 99).list().ofSize(nJudges).uniqueElements();
    // Few distinct submission times, so that complete ties fall through to the pitch id.
    Arbitrary<List<Integer>> minutes = Arbitraries.integers().between(0, 3).list().ofSize(nPitches);
    Arbitrary<List<Map<String, Integer>>> grid =
        scoresFor(rubric).injectNull(0.3).list().ofSize(cells);
    Arbitrary<List<Tuple.Tuple2<Integer, Map<String, Integer>>>> revisions =
        Combinators.combine(Arbitraries.integers().between(0, cells - 1), scoresFor(rubric))
            .as(Tuple::of)
            .list()
            .ofMaxSize(3);
    Arbitrary<Set<Integer>> withdrawals =
        Arbitraries.integers().between(0, nPitches - 1).set().ofMaxSize(2);
    Arbitrary<Set<Integer>> conflictCells =
        Arbitraries.integers().between(0, cells - 1).set().ofMaxSize(3);
    Arbitrary<Tuple3<Integer, Integer, Normalisation>> rest =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                // A quorum the panel can reach: 1 to 3, at most the number of judges.
                Arbitraries.integers().between(1, Math.min(3, nJudges)),
                Arbitraries.of(Normalisation.class))
            .as(Tuple::of);
    return Combinators.combine(
            pitchKeys, judgeKeys, minutes, grid, revisions, withdrawals, conflictCells, rest)
        .as(
            (pKeys, jKeys, mins, scoreGrid, revs, withdrawn, conflicted, more) -> {
              List<PitchFacts> pitches = new ArrayList<>();
              for (int i = 0; i < nPitches; i++) {
                pitches.add(
                    new PitchFacts(
                        pitchId(pKeys.get(i)),
                        new UUID(7, i),
                        new UUID(8, i),
                        T0.plusSeconds(60L * mins.get(i)),
                        1_000_000L));
              }
              List<UUID> judges = jKeys.stream().map(Stages::judgeId).toList();
              List<Sheet> scores = new ArrayList<>();
              for (int cell = 0; cell < cells; cell++) {
                if (scoreGrid.get(cell) != null) {
                  scores.add(sheet(pitches, judges, nJudges, cell, scoreGrid.get(cell)));
                }
              }
              List<Sheet> revised = new ArrayList<>();
              for (var revision : revs) {
                // Only a score given later revises this one; an earlier one alone would count.
                if (scoreGrid.get(revision.get1()) != null) {
                  revised.add(sheet(pitches, judges, nJudges, revision.get1(), revision.get2()));
                }
              }
              Set<UUID> withdrawnIds = new TreeSet<>();
              withdrawn.forEach(i -> withdrawnIds.add(pitches.get(i).pitchId()));
              Set<List<UUID>> conflicts = new HashSet<>();
              conflicted.forEach(
                  cell ->
                      conflicts.add(
                          List.of(
                              judges.get(cell % nJudges), pitches.get(cell / nJudges).pitchId())));
              List<Sheet> strays = new ArrayList<>();
              for (int i = 0; i < more.get1(); i++) {
                strays.add(new Sheet(new UUID(9, i), judges.get(i % nJudges), Map.of()));
              }
              return new Stage(
                  rubric,
                  List.copyOf(pitches),
                  judges,
                  List.copyOf(scores),
                  List.copyOf(revised),
                  Set.copyOf(withdrawnIds),
                  Set.copyOf(conflicts),
                  List.copyOf(strays),
                  new RankingRules(more.get3(), more.get2()));
            });
  }

  private static Sheet sheet(
      List<PitchFacts> pitches,
      List<UUID> judges,
      int nJudges,
      int cell,
      Map<String, Integer> scores) {
    return new Sheet(pitches.get(cell / nJudges).pitchId(), judges.get(cell % nJudges), scores);
  }

  static double mean(Map<UUID, Double> totals) {
    double sum = 0;
    for (double total : totals.values()) {
      sum += total;
    }
    return sum / totals.size();
  }

  static double populationSd(Map<UUID, Double> totals) {
    double mean = mean(totals);
    double squares = 0;
    for (double total : totals.values()) {
      squares += (total - mean) * (total - mean);
    }
    return Math.sqrt(squares / totals.size());
  }

  static double median(Map<UUID, Double> totals) {
    double[] sorted = totals.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
