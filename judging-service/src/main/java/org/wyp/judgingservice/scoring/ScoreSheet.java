package org.wyp.judgingservice.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Map<UUID, Map<UUID, Double>> totalsByPitch = new TreeMap<>();
  private final Set<UUID> withdrawn = new HashSet<>();
  private final Set<List<UUID>> excluded = new HashSet<>();

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
    excluded.add(List.of(judgeId, pitchId));
    return this;
  }

  public Ranking rank(RankingRules rules) {
    // The totals that count: live pitches known to the sheet, conflicted scores left out.
    Map<UUID, Map<UUID, Double>> counted = new TreeMap<>();
    Map<UUID, Map<UUID, Double>> byJudge = new TreeMap<>();
    for (var pitch : totalsByPitch.entrySet()) {
      UUID pitchId = pitch.getKey();
      if (withdrawn.contains(pitchId) || !pitches.containsKey(pitchId)) {
        continue;
      }
      for (var score : pitch.getValue().entrySet()) {
        if (!excluded.contains(List.of(score.getKey(), pitchId))) {
          counted
              .computeIfAbsent(pitchId, id -> new TreeMap<>())
              .put(score.getKey(), score.getValue());
          byJudge
              .computeIfAbsent(score.getKey(), id -> new TreeMap<>())
              .put(pitchId, score.getValue());
        }
      }
    }

    List<JudgeLeniency> judges = new ArrayList<>();
    Map<UUID, Map<UUID, Double>> zByJudge = new TreeMap<>();
    for (var judge : byJudge.entrySet()) {
      List<Double> totals = List.copyOf(judge.getValue().values());
      double mean = Statistics.mean(totals);
      double sd = Statistics.populationSd(totals);
      judges.add(new JudgeLeniency(judge.getKey(), totals.size(), mean, sd));
      Map<UUID, Double> z = new TreeMap<>();
      // Fewer than two pitches or no spread says nothing about a judge's scale: z = 0.
      boolean standardisable = totals.size() >= 2 && sd > TIE_TOLERANCE;
      judge
          .getValue()
          .forEach((pitchId, t) -> z.put(pitchId, standardisable ? (t - mean) / sd : 0));
      zByJudge.put(judge.getKey(), z);
    }

    List<RankedPitch> lines = new ArrayList<>();
    for (PitchFacts facts : pitches.values()) {
      if (withdrawn.contains(facts.pitchId())) {
        continue;
      }
      Map<UUID, Double> totals = counted.getOrDefault(facts.pitchId(), Map.of());
      if (totals.isEmpty()) {
        lines.add(new RankedPitch(facts, null, null, null, 0, null));
        continue;
      }
      List<Double> values = List.copyOf(totals.values());
      Double normalised = null;
      if (rules.normalisation() == Normalisation.ZSCORE) {
        List<Double> zs = new ArrayList<>();
        totals.keySet().forEach(judgeId -> zs.add(zByJudge.get(judgeId).get(facts.pitchId())));
        normalised = Statistics.mean(zs);
      }
      lines.add(
          new RankedPitch(
              facts,
              null,
              Statistics.mean(values),
              normalised,
              values.size(),
              Statistics.median(values)));
    }

    Comparator<RankedPitch> order = order(rules.normalisation());
    List<RankedPitch> ranked =
        lines.stream()
            .filter(l -> l.judgeCount() >= rules.minJudgesPerPitch())
            .sorted(order)
            .toList();
    List<RankedPitch> unranked =
        lines.stream()
            .filter(l -> l.judgeCount() < rules.minJudgesPerPitch())
            .sorted(order)
            .toList();
    List<RankedPitch> entries = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      RankedPitch line = ranked.get(i);
      entries.add(
          new RankedPitch(
              line.pitch(),
              i + 1,
              line.rawScore(),
              line.normalisedScore(),
              line.judgeCount(),
              line.medianTotal()));
    }
    entries.addAll(unranked);
    return new Ranking(List.copyOf(entries), List.copyOf(judges));
  }

  /**
   * The stage's score descending, then the higher median judge total, then more judges, then the
   * earlier submission; the pitch id last only so that the order is total and reproducible.
   */
  static Comparator<RankedPitch> order(Normalisation normalisation) {
    Comparator<RankedPitch> byScore =
        (a, b) ->
            compareDesc(
                normalisation == Normalisation.ZSCORE ? a.normalisedScore() : a.rawScore(),
                normalisation == Normalisation.ZSCORE ? b.normalisedScore() : b.rawScore());
    return byScore
        .thenComparing((a, b) -> compareDesc(a.medianTotal(), b.medianTotal()))
        .thenComparing(Comparator.comparingInt(RankedPitch::judgeCount).reversed())
        .thenComparing(l -> l.pitch().submittedAt())
        .thenComparing(l -> l.pitch().pitchId());
  }

  /** Higher first, compared at the tie tolerance's grain; no score sorts after any score. */
  private static int compareDesc(Double a, Double b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return Long.compare(Math.round(b / TIE_TOLERANCE), Math.round(a / TIE_TOLERANCE));
  }
}
