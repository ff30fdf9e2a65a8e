package org.wyp.judgingservice.judging;

import java.util.List;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.scoring.JudgeLeniency;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.RankedPitch;

/**
 * A stage's ranking. Figures are the exact doubles the ranking was decided on (not rounded), so
 * they can be compared with a recomputation from the chain; round them only to display them.
 */
record RankingView(
    UUID roundId,
    Stage stage,
    Normalisation normalisation,
    int minJudgesPerPitch,
    boolean locked,
    List<Entry> entries,
    List<Judge> judges) {

  record Entry(
      UUID pitchId,
      UUID problemId,
      UUID smeId,
      Integer rank,
      Double rawScore,
      Double normalisedScore,
      int judgeCount,
      Double medianTotal,
      long requestedPence) {}

  record Judge(UUID judgeId, int pitches, double mean, double sd) {}

  static RankingView of(JudgingService.StageRanking ranking) {
    return new RankingView(
        ranking.roundId(),
        ranking.stage(),
        ranking.rubric().normalisation(),
        ranking.rubric().minJudgesPerPitch(),
        ranking.locked(),
        ranking.ranking().entries().stream().map(RankingView::entry).toList(),
        ranking.ranking().judges().stream().map(RankingView::judge).toList());
  }

  static Entry entry(RankedPitch line) {
    return new Entry(
        line.pitch().pitchId(),
        line.pitch().problemId(),
        line.pitch().smeId(),
        line.rank(),
        line.rawScore(),
        line.normalisedScore(),
        line.judgeCount(),
        line.medianTotal(),
        line.pitch().requestedPence());
  }

  private static Judge judge(JudgeLeniency judge) {
    return new Judge(judge.judgeId(), judge.pitches(), judge.mean(), judge.sd());
  }
}
