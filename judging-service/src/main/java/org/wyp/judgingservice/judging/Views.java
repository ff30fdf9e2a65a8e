package org.wyp.judgingservice.judging;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.CriterionSpec;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.scoring.Normalisation;

/** The API's views of rubrics, scores, shortlists and conclusions. */
final class Views {

  private Views() {}

  record RubricView(
      UUID roundId,
      Stage stage,
      List<CriterionSpec> criteria,
      Normalisation normalisation,
      int minJudgesPerPitch,
      Integer shortlistSize,
      boolean blindScreening) {

    static RubricView of(UUID roundId, RubricSpec rubric) {
      return new RubricView(
          roundId,
          rubric.stage(),
          rubric.criteria(),
          rubric.normalisation(),
          rubric.minJudgesPerPitch(),
          rubric.shortlistSize(),
          rubric.blindScreening());
    }
  }

  /** {@code revision} 0 is the first score; {@code seq} and {@code hash} locate it in the chain. */
  record ScoreView(
      UUID pitchId,
      Stage stage,
      UUID judgeId,
      int revision,
      Map<String, Integer> scores,
      double total,
      String comment,
      long seq,
      String hash,
      String recordedAt) {

    static ScoreView of(JudgingService.ScoreSaved saved) {
      var score = saved.score();
      return new ScoreView(
          score.pitchId(),
          score.stage(),
          score.judgeId(),
          score.revision(),
          score.scores(),
          saved.total(),
          score.comment(),
          score.seq(),
          saved.hash(),
          score.recordedAt());
    }
  }

  record ShortlistView(
      UUID roundId, long seq, List<RankingView.Entry> shortlisted, List<RankingView.Entry> others) {

    static ShortlistView of(JudgingService.Shortlist shortlist) {
      return new ShortlistView(
          shortlist.roundId(),
          shortlist.seq(),
          shortlist.shortlisted().stream().map(RankingView::entry).toList(),
          shortlist.others().stream().map(RankingView::entry).toList());
    }
  }

  /** A conclusion, shaped for its audience. */
  sealed interface Outcome permits ConclusionView, PublicConclusionView {}

  /**
   * The conclusion for organisers: the ranking recomputed from the chain, with the judges' figures,
   * and its fingerprint.
   */
  record ConclusionView(
      UUID roundId,
      Stage stage,
      long seq,
      String scoresFingerprint,
      String concludedAt,
      RankingView ranking)
      implements Outcome {

    static ConclusionView of(JudgingService.Conclusion conclusion) {
      return new ConclusionView(
          conclusion.roundId(),
          Stage.FINALS,
          conclusion.seq(),
          conclusion.scoresFingerprint(),
          conclusion.concludedAt(),
          RankingView.of(conclusion.ranking()));
    }
  }

  /**
   * The public results of a concluded round: each finalist's place and scores, and the fingerprint
   * (the chain's head before the conclusion). No judges, SME ids or requested amounts.
   */
  record PublicConclusionView(
      UUID roundId,
      Stage stage,
      long seq,
      String scoresFingerprint,
      String concludedAt,
      List<Entry> entries)
      implements Outcome {

    record Entry(
        UUID pitchId,
        UUID problemId,
        Integer rank,
        Double rawScore,
        Double normalisedScore,
        int judgeCount,
        Double medianTotal) {}

    static PublicConclusionView of(JudgingService.Conclusion conclusion) {
      return new PublicConclusionView(
          conclusion.roundId(),
          Stage.FINALS,
          conclusion.seq(),
          conclusion.scoresFingerprint(),
          conclusion.concludedAt(),
          conclusion.ranking().ranking().entries().stream()
              .map(
                  line ->
                      new Entry(
                          line.pitch().pitchId(),
                          line.pitch().problemId(),
                          line.rank(),
                          line.rawScore(),
                          line.normalisedScore(),
                          line.judgeCount(),
                          line.medianTotal()))
              .toList());
    }
  }
}
