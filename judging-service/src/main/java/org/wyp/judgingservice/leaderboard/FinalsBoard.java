package org.wyp.judgingservice.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.wyp.events.view.PublicLeaderboard;
import org.wyp.judgingservice.scoring.JudgeLeniency;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;

/**
 * The sealed finals board of a round, from the finals ranking and who is to score each finalist.
 * Pure: the rules of what the public may see live here and nowhere else.
 *
 * <ul>
 *   <li>A finalist's panel is the judges expected to score it (its assignment, less conflicted
 *       judges) together with every judge whose score for it counts, and never fewer than the
 *       rubric's quorum: a pitch cannot be ranked on fewer. {@code scoresIn} counts the judges
 *       whose score counts.
 *   <li>While the finals run, a pitch shows its score and rank only once every judge of its panel
 *       has scored it. Ranks are given among those complete pitches, in the order of the stage's
 *       ranking (so ties fall as its rules say).
 *   <li>Once concluded, the ranks and scores are the conclusion's.
 *   <li>Judges' ids and individual scores are inputs only: the board carries counts, a pitch's
 *       combined score and its rank.
 * </ul>
 */
final class FinalsBoard {

  private FinalsBoard() {}

  /**
   * A finalist and who is to score it.
   *
   * @param expectedJudges the judges who may score it now (assigned and not conflicted); empty
   *     without a finals panel
   * @param countedJudges the judges whose finals score for it counts (scored, not conflicted)
   */
  record Finalist(
      UUID pitchId,
      UUID problemId,
      String title,
      String companyName,
      Set<UUID> expectedJudges,
      Set<UUID> countedJudges) {

    Finalist {
      expectedJudges = Set.copyOf(expectedJudges);
      countedJudges = Set.copyOf(countedJudges);
    }

    int scoresIn() {
      return countedJudges.size();
    }

    /** The judges expected and those already counted, at least {@code quorum}. */
    int panelSize(int quorum) {
      Set<UUID> panel = new LinkedHashSet<>(expectedJudges);
      panel.addAll(countedJudges);
      return Math.max(panel.size(), quorum);
    }

    /** Its whole panel has scored it (a pitch nobody is to score is never complete). */
    boolean complete(int quorum) {
      int panelSize = panelSize(quorum);
      return panelSize > 0 && scoresIn() >= panelSize;
    }
  }

  /**
   * The board while the finals run.
   *
   * @param ranking the live finals ranking over (at least) the finalists
   * @param quorum the finals rubric's minimum judges per pitch, 0 before there is a rubric
   */
  static PublicLeaderboard live(
      UUID roundId,
      List<Finalist> finalists,
      Ranking ranking,
      Normalisation normalisation,
      int quorum) {
    Map<UUID, Finalist> byId = byId(finalists);
    Scale scale = Scale.of(ranking.judges());
    Map<UUID, PublicLeaderboard.Entry> entries = new HashMap<>();
    int rank = 0;
    for (RankedPitch line : ranking.entries()) {
      Finalist finalist = byId.get(line.pitch().pitchId());
      if (finalist != null && line.rank() != null && finalist.complete(quorum)) {
        rank++;
        entries.put(
            finalist.pitchId(), entry(finalist, quorum, rank, score(line, normalisation, scale)));
      }
    }
    for (Finalist finalist : finalists) {
      entries.putIfAbsent(finalist.pitchId(), entry(finalist, quorum, null, null));
    }
    return new PublicLeaderboard(roundId, PublicLeaderboard.LIVE, ordered(entries), null);
  }

  /**
   * The board once judging is concluded: the conclusion's ranking, with its fingerprint.
   *
   * @param ranking the ranking the conclusion was decided on, recomputed from the chain
   */
  static PublicLeaderboard concluded(
      UUID roundId,
      List<Finalist> finalists,
      Ranking ranking,
      Normalisation normalisation,
      int quorum,
      String scoresFingerprint) {
    Map<UUID, RankedPitch> lines = new HashMap<>();
    ranking.entries().forEach(line -> lines.put(line.pitch().pitchId(), line));
    Scale scale = Scale.of(ranking.judges());
    Map<UUID, PublicLeaderboard.Entry> entries = new HashMap<>();
    for (Finalist finalist : finalists) {
      RankedPitch line = lines.get(finalist.pitchId());
      boolean ranked = line != null && line.rank() != null;
      entries.put(
          finalist.pitchId(),
          entry(
              finalist,
              quorum,
              ranked ? line.rank() : null,
              ranked ? score(line, normalisation, scale) : null));
    }
    return new PublicLeaderboard(
        roundId, PublicLeaderboard.CONCLUDED, ordered(entries), scoresFingerprint);
  }

  /**
   * A pitch's score on 0–100, to two decimals. Without normalisation it is the mean of its judges'
   * totals. With z-scores the pitch's mean z is put back on the totals' scale (the mean and spread
   * of every counted total in the stage): the score an average judge of this panel would have
   * given, which orders pitches exactly as their z values do.
   */
  static Double score(RankedPitch line, Normalisation normalisation, Scale scale) {
    if (line.rawScore() == null) {
      return null;
    }
    double score =
        normalisation == Normalisation.ZSCORE && line.normalisedScore() != null
            ? scale.mean() + scale.sd() * line.normalisedScore()
            : line.rawScore();
    return Math.round(Math.clamp(score, 0.0, 100.0) * 100) / 100.0;
  }

  /** The mean and population standard deviation of every counted judge total in the stage. */
  record Scale(double mean, double sd) {

    /** Pooled from each judge's count, mean and spread, which is what the ranking reports. */
    static Scale of(List<JudgeLeniency> judges) {
      long n = 0;
      double sum = 0;
      double squares = 0;
      for (JudgeLeniency judge : judges) {
        n += judge.pitches();
        sum += judge.pitches() * judge.mean();
        squares += judge.pitches() * (judge.sd() * judge.sd() + judge.mean() * judge.mean());
      }
      if (n == 0) {
        return new Scale(0, 0);
      }
      double mean = sum / n;
      return new Scale(mean, Math.sqrt(Math.max(0, squares / n - mean * mean)));
    }
  }

  private static PublicLeaderboard.Entry entry(
      Finalist finalist, int quorum, Integer rank, Double score) {
    return new PublicLeaderboard.Entry(
        finalist.pitchId(),
        finalist.problemId(),
        finalist.title(),
        finalist.companyName(),
        finalist.scoresIn(),
        finalist.panelSize(quorum),
        rank,
        score);
  }

  /** Ranked entries by rank, then the rest by title (then id, so the order is total). */
  private static List<PublicLeaderboard.Entry> ordered(Map<UUID, PublicLeaderboard.Entry> entries) {
    Comparator<PublicLeaderboard.Entry> order =
        Comparator.comparing(
                PublicLeaderboard.Entry::rank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(
                PublicLeaderboard.Entry::title, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(PublicLeaderboard.Entry::pitchId);
    List<PublicLeaderboard.Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(order);
    return sorted;
  }

  private static Map<UUID, Finalist> byId(List<Finalist> finalists) {
    Map<UUID, Finalist> byId = new HashMap<>();
    finalists.forEach(f -> byId.put(f.pitchId(), f));
    return byId;
  }
}
