package org.wyp.judgingservice.ranking;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.ChainRecord;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.chain.ScoreRecord;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.Ranking;
import org.wyp.judgingservice.scoring.ScoreSheet;
import org.wyp.judgingservice.scoring.Totals;

/**
 * A stage's ranking computed from a round's chain alone. Pure: this is the function anyone holding
 * the published chain can run to check a shortlist or a conclusion.
 */
public final class ChainRanking {

  private ChainRanking() {}

  /**
   * The stage's ranking from the chain's entries. Once the stage has ended it is the ranking its
   * shortlist or conclusion was decided on: the entries before that decision, over the pitches the
   * decision lists; later entries (a withdrawal after the conclusion) do not change it.
   */
  public static Ranking recompute(UUID roundId, List<ChainRecord> chain, Stage stage) {
    RoundLedger ledger = RoundLedger.of(roundId, chain);
    return ledger
        .decision(stage)
        .map(decision -> rank(ledger.before(decision.seq()), stage, decision.pitches()))
        .orElseGet(() -> rank(ledger, stage, List.of()));
  }

  /**
   * The stage's ranking as the ledger stands, over the given candidate pitches (unscored pitches
   * are listed as unranked), the finalists for finals, and every pitch scored in the stage.
   * Candidates' facts take precedence over older facts the chain holds.
   */
  public static Ranking rank(RoundLedger ledger, Stage stage, Collection<PitchFacts> candidates) {
    if (ledger.rubric(stage).isEmpty()) {
      return Ranking.empty();
    }
    RubricSpec rubric = ledger.rubric(stage).get();
    Map<UUID, PitchFacts> pitches = new LinkedHashMap<>();
    candidates.forEach(p -> pitches.put(p.pitchId(), p));
    if (stage == Stage.FINALS) {
      ledger
          .decision(Stage.SCREENING)
          .ifPresent(
              shortlist ->
                  shortlist
                      .shortlisted()
                      .forEach(id -> ledger.facts(id).ifPresent(f -> pitches.putIfAbsent(id, f))));
    }
    List<ScoreRecord> scores = ledger.latestScores(stage);
    scores.forEach(
        s -> ledger.facts(s.pitchId()).ifPresent(f -> pitches.putIfAbsent(s.pitchId(), f)));

    ScoreSheet sheet = new ScoreSheet();
    pitches.values().forEach(sheet::pitch);
    ledger.withdrawnPitches().forEach(sheet::withdraw);
    var criteria = rubric.mathsCriteria();
    for (ScoreRecord score : scores) {
      sheet.score(score.pitchId(), score.judgeId(), Totals.total(criteria, score.scores()));
      UUID smeId = pitches.get(score.pitchId()).smeId();
      if (ledger.conflict(score.judgeId(), score.pitchId(), smeId).isPresent()) {
        sheet.exclude(score.judgeId(), score.pitchId());
      }
    }
    return sheet.rank(rubric.rules());
  }
}
