package org.wyp.bench.scale;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;
import org.wyp.judgingservice.scoring.ScoreSheet;

/**
 * Refuses a result that cannot be the round's ranking, so that a benchmark that broke (an empty
 * ranking because the rubric was not found, pitches lost on the way) fails instead of printing a
 * fast figure.
 */
final class RankingPlausibility {

  private RankingPlausibility() {}

  /** Every pitch ranked once, 1 upwards, by every judge, scores in range and descending. */
  static void require(Ranking ranking, Normalisation normalisation, int pitches, int judges) {
    List<RankedPitch> entries = ranking.entries();
    if (entries.size() != pitches) {
      throw implausible("%d pitches in the ranking, expected %d", entries.size(), pitches);
    }
    if (ranking.judges().size() != judges) {
      throw implausible("%d judges in the ranking, expected %d", ranking.judges().size(), judges);
    }
    Set<UUID> seen = new HashSet<>();
    double previous = Double.POSITIVE_INFINITY;
    for (int i = 0; i < entries.size(); i++) {
      RankedPitch line = entries.get(i);
      if (line.rank() == null || line.rank() != i + 1 || !seen.add(line.pitch().pitchId())) {
        throw implausible("line %d has rank %s or repeats a pitch", i + 1, line.rank());
      }
      if (line.judgeCount() != judges) {
        throw implausible("rank %d has %d judges, expected %d", i + 1, line.judgeCount(), judges);
      }
      if (line.rawScore() == null || line.rawScore() < 0 || line.rawScore() > 100) {
        throw implausible("rank %d has raw score %s, outside 0-100", i + 1, line.rawScore());
      }
      Double score =
          normalisation == Normalisation.ZSCORE ? line.normalisedScore() : line.rawScore();
      if (score == null || score > previous + ScoreSheet.TIE_TOLERANCE) {
        throw implausible("rank %d has score %s after %s", i + 1, score, previous);
      }
      previous = score;
    }
  }

  static void requireCount(String what, int count, int expected) {
    if (count != expected) {
      throw implausible("%d %s, expected %d", count, what, expected);
    }
  }

  private static IllegalStateException implausible(String format, Object... args) {
    return new IllegalStateException("implausible ranking: " + format.formatted(args));
  }
}
