package org.wyp.judgingservice.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A stage's scores as the ranking sees them, and the ranking they give. Pure: no clock, no storage.
 * Every figure is computed in a fixed order (judges and pitches by id), so the same inputs always
 * give the same doubles to the last bit, whichever order they were added in; that is what lets
 * anyone holding the score chain reproduce a published ranking exactly.
 */
public final class ScoreSheet {

  /**
   * The grain at which scores are compared when ranking: rounded to whole multiples of this, equal
   * ones are a tie. Totals are sums of a few weighted fractions and z values are quotients of them:
   * mathematically equal scores can differ in the last bits of a double depending on how they were
   * reached, and such noise must not decide a place. Real differences are orders of magnitude
   * larger. Rounding, unlike "closer than this", is transitive, so the order stays total and does
   * not depend on the order the pitches were added in.
   */
  public static final double TIE_TOLERANCE = 1e-9;

  private final Map<UUID, PitchFacts> pitches = new LinkedHashMap<>();
  // Hashed as scores arrive and sorted once when ranking: a sorted map of every pitch made adding
  // each of a large round's scores dear. A pitch's few judges are kept sorted.
  private final Map<UUID, SortedMap<UUID, Double>> totalsByPitch = new HashMap<>();
  private final Set<UUID> withdrawn = new HashSet<>();
  // Judges by pitch, so that ranking looks up a pitch's conflicts once rather than every score.
  private final Map<UUID, Set<UUID>> excludedJudges = new HashMap<>();

  /** A pitch that belongs in the ranking, scored or not. */
  public ScoreSheet pitch(PitchFacts facts) {
    pitches.put(facts.pitchId(), facts);
    return this;
  }

  /** A judge's total for a pitch; a later call for the same pair is a revision and replaces it. */
  public ScoreSheet score(UUID pitchId, UUID judgeId, double total) {
    totalsByPitch.computeIfAbsent(pitchId, id -> new TreeMap<>()).put(judgeId, total);
    return this;
  }

  /** The pitch was withdrawn: it leaves the ranking and every judge's statistics. */
  public ScoreSheet withdraw(UUID pitchId) {
    withdrawn.add(pitchId);
    return this;
  }

  /** The judge has a conflict with the pitch: its score, if any, does not count anywhere. */
  public ScoreSheet exclude(UUID judgeId, UUID pitchId) {
    excludedJudges.computeIfAbsent(pitchId, id -> new HashSet<>()).add(judgeId);
    return this;
  }

  public Ranking rank(RankingRules rules) {
    // The totals that count: live pitches known to the sheet, conflicted scores left out. Taken
    // pitch by pitch in id order, so each judge's totals line up in pitch order.
    Map<UUID, SortedMap<UUID, Double>> counted = HashMap.newHashMap(totalsByPitch.size());
    Map<UUID, List<Double>> byJudge = new TreeMap<>();
    for (UUID pitchId : countablePitches()) {
      SortedMap<UUID, Double> totals = countedTotals(pitchId);
      if (totals.isEmpty()) {
        continue;
      }
      counted.put(pitchId, totals);
      totals.forEach(
          (judgeId, total) -> byJudge.computeIfAbsent(judgeId, id -> new ArrayList<>()).add(total));
    }

    List<JudgeLeniency> judges = new ArrayList<>(byJudge.size());
    Map<UUID, JudgeLeniency> judgeById = HashMap.newHashMap(byJudge.size());
    for (var judge : byJudge.entrySet()) {
      List<Double> totals = judge.getValue();
      JudgeLeniency leniency =
          new JudgeLeniency(
              judge.getKey(),
              totals.size(),
              Statistics.mean(totals),
              Statistics.populationSd(totals));
      judges.add(leniency);
      judgeById.put(judge.getKey(), leniency);
    }

    List<RankedPitch> lines = new ArrayList<>(pitches.size());
    for (PitchFacts facts : pitches.values()) {
      if (withdrawn.contains(facts.pitchId())) {
        continue;
      }
      SortedMap<UUID, Double> totals = counted.get(facts.pitchId());
      if (totals == null) {
        lines.add(new RankedPitch(facts, null, null, null, 0, null));
        continue;
      }
      double[] values = new double[totals.size()];
      int i = 0;
      for (double total : totals.values()) {
        values[i++] = total;
      }
      Double normalised =
          rules.normalisation() == Normalisation.ZSCORE ? meanZ(totals, judgeById) : null;
      lines.add(
          new RankedPitch(
              facts,
              null,
              Statistics.mean(values),
              normalised,
              values.length,
              Statistics.median(values)));
    }

    // One sort, then split: the order is total, so this is the order each part would sort to.
    lines.sort(order(rules.normalisation()));
    List<RankedPitch> entries = new ArrayList<>(lines.size());
    List<RankedPitch> unranked = new ArrayList<>();
    for (RankedPitch line : lines) {
      if (line.judgeCount() < rules.minJudgesPerPitch()) {
        unranked.add(line);
        continue;
      }
      entries.add(
          new RankedPitch(
              line.pitch(),
              entries.size() + 1,
              line.rawScore(),
              line.normalisedScore(),
              line.judgeCount(),
              line.medianTotal()));
    }
    entries.addAll(unranked);
    return new Ranking(List.copyOf(entries), List.copyOf(judges));
  }

  /** The scored pitches that are live and known to the sheet, in id order. */
  private List<UUID> countablePitches() {
    List<UUID> ids = new ArrayList<>(totalsByPitch.size());
    for (UUID pitchId : totalsByPitch.keySet()) {
      if (!withdrawn.contains(pitchId) && pitches.containsKey(pitchId)) {
        ids.add(pitchId);
      }
    }
    ids.sort(null);
    return ids;
  }

  /** The pitch's totals that count, by judge in id order. */
  private SortedMap<UUID, Double> countedTotals(UUID pitchId) {
    SortedMap<UUID, Double> totals = totalsByPitch.get(pitchId);
    Set<UUID> excluded = excludedJudges.get(pitchId);
    if (excluded == null) {
      return totals;
    }
    SortedMap<UUID, Double> counted = new TreeMap<>(totals);
    counted.keySet().removeAll(excluded);
    return counted;
  }

  /** The mean of the pitch's judges' z values, judge by judge in id order. */
  private static double meanZ(SortedMap<UUID, Double> totals, Map<UUID, JudgeLeniency> judges) {
    double[] zs = new double[totals.size()];
    int i = 0;
    for (var score : totals.entrySet()) {
      zs[i++] = z(judges.get(score.getKey()), score.getValue());
    }
    return Statistics.mean(zs);
  }

  /**
   * The judge's total standardised over the pitches it scored. Fewer than two pitches or no spread
   * says nothing about a judge's scale: z = 0.
   */
  private static double z(JudgeLeniency judge, double total) {
    boolean standardisable = judge.pitches() >= 2 && judge.sd() > TIE_TOLERANCE;
    return standardisable ? (total - judge.mean()) / judge.sd() : 0;
  }

  /**
   * The stage's score descending, then the higher median judge total, then more judges, then the
   * earlier submission; the pitch id last only so that the order is total and reproducible.
   */
  static Comparator<RankedPitch> order(Normalisation normalisation) {
    boolean normalised = normalisation == Normalisation.ZSCORE;
    // One comparator rather than a chain of thenComparing: sorting a large round calls it often.
    return (a, b) -> {
      int byScore =
          compareDesc(
              normalised ? a.normalisedScore() : a.rawScore(),
              normalised ? b.normalisedScore() : b.rawScore());
      if (byScore != 0) {
        return byScore;
      }
      int byMedian = compareDesc(a.medianTotal(), b.medianTotal());
      if (byMedian != 0) {
        return byMedian;
      }
      int byJudges = Integer.compare(b.judgeCount(), a.judgeCount());
      if (byJudges != 0) {
        return byJudges;
      }
      int bySubmission = a.pitch().submittedAt().compareTo(b.pitch().submittedAt());
      return bySubmission != 0 ? bySubmission : a.pitch().pitchId().compareTo(b.pitch().pitchId());
    };
  }

  /** Higher first, compared at the tie tolerance's grain; no score sorts after any score. */
  private static int compareDesc(Double a, Double b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return Long.compare(Math.round(b / TIE_TOLERANCE), Math.round(a / TIE_TOLERANCE));
  }
}
