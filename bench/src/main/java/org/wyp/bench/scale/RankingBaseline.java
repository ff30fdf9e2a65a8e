package org.wyp.bench.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.chain.ScoreRecord;
import org.wyp.judgingservice.scoring.Criterion;
import org.wyp.judgingservice.scoring.Totals;

/**
 * The least work any ranking of the round needs, timed beside the real one: the scores' weighted
 * totals grouped into per-pitch means with a HashMap, and the means sorted. No chain to read, no
 * statistics, no tie rules, no ordering for reproducibility; so the ratio to it is what reading the
 * chain and the ranking's rules cost on top. The totals are worked out once, untimed.
 */
final class RankingBaseline {

  record PitchMean(UUID pitchId, double mean) {}

  private final UUID[] pitchIds;
  private final double[] totals;

  private RankingBaseline(UUID[] pitchIds, double[] totals) {
    this.pitchIds = pitchIds;
    this.totals = totals;
  }

  static RankingBaseline of(RoundLedger ledger, Stage stage) {
    List<Criterion> criteria = ledger.rubric(stage).orElseThrow().mathsCriteria();
    List<ScoreRecord> scores = ledger.latestScores(stage);
    UUID[] pitchIds = new UUID[scores.size()];
    double[] totals = new double[scores.size()];
    for (int i = 0; i < scores.size(); i++) {
      pitchIds[i] = scores.get(i).pitchId();
      totals[i] = Totals.total(criteria, scores.get(i).scores());
    }
    return new RankingBaseline(pitchIds, totals);
  }

  int scores() {
    return totals.length;
  }

  /** The pitches' mean totals, highest first. */
  List<PitchMean> groupAndSort() {
    Map<UUID, double[]> sumAndCount = new HashMap<>();
    for (int i = 0; i < totals.length; i++) {
      double[] sum = sumAndCount.computeIfAbsent(pitchIds[i], id -> new double[2]);
      sum[0] += totals[i];
      sum[1]++;
    }
    List<PitchMean> means = new ArrayList<>(sumAndCount.size());
    sumAndCount.forEach((id, sum) -> means.add(new PitchMean(id, sum[0] / sum[1])));
    means.sort(Comparator.comparingDouble(PitchMean::mean).reversed());
    return means;
  }
}
