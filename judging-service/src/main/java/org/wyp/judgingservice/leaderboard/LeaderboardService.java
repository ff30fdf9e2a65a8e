package org.wyp.judgingservice.leaderboard;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.wyp.events.judging.Stage;
import org.wyp.events.view.PublicLeaderboard;
import org.wyp.events.view.PublicViews;
import org.wyp.judgingservice.chain.ChainService;
import org.wyp.judgingservice.chain.Decision;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.chain.ScoreRecord;
import org.wyp.judgingservice.judge.ConflictRules;
import org.wyp.judgingservice.judge.Judge;
import org.wyp.judgingservice.judge.Judges;
import org.wyp.judgingservice.panel.Panel;
import org.wyp.judgingservice.panel.Panels;
import org.wyp.judgingservice.pitch.KnownPitch;
import org.wyp.judgingservice.pitch.KnownSme;
import org.wyp.judgingservice.pitch.PitchCatalogue;
import org.wyp.judgingservice.ranking.ChainRanking;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;
import org.wyp.kit.view.DerivedViews;

/**
 * Publishes each round's sealed finals board ({@code leaderboard:<roundId>} on the public update
 * topic). A refresh recomputes the board from the round's chain, its finals panel and the pitch
 * projection as they are now, and publishes it only if it changed, so refreshing after anything
 * that might have changed it, any number of times, is enough. A round has a board once screening
 * ended with a shortlist.
 */
@Service
public class LeaderboardService {

  private final ChainService chain;
  private final PitchCatalogue catalogue;
  private final Panels panels;
  private final Judges judges;
  private final DerivedViews views;

  LeaderboardService(
      ChainService chain,
      PitchCatalogue catalogue,
      Panels panels,
      Judges judges,
      DerivedViews views) {
    this.chain = chain;
    this.catalogue = catalogue;
    this.panels = panels;
    this.judges = judges;
    this.views = views;
  }

  /**
   * @return whether a changed board was published
   */
  public boolean refresh(UUID roundId) {
    return views.refresh(PublicViews.LEADERBOARD, roundId, () -> board(roundId));
  }

  /** The round's board as the database has it now; empty before the round has finalists. */
  Optional<PublicLeaderboard> board(UUID roundId) {
    RoundLedger ledger = chain.ledger(roundId);
    if (ledger.decision(Stage.SCREENING).isEmpty()) {
      return Optional.empty();
    }
    Optional<Decision> conclusion = ledger.decision(Stage.FINALS);
    // Once concluded, who scored what is as it was when the conclusion was decided.
    RoundLedger judged = conclusion.map(c -> ledger.before(c.seq())).orElse(ledger);
    Optional<RubricSpec> rubric = judged.rubric(Stage.FINALS);
    Normalisation normalisation = rubric.map(RubricSpec::normalisation).orElse(Normalisation.NONE);
    int quorum = rubric.map(RubricSpec::minJudgesPerPitch).orElse(0);
    if (conclusion.isPresent()) {
      Ranking ranking = ChainRanking.recompute(roundId, ledger.records(), Stage.FINALS);
      List<PitchFacts> pitches = ranking.entries().stream().map(RankedPitch::pitch).toList();
      return Optional.of(
          FinalsBoard.concluded(
              roundId,
              finalists(judged, pitches),
              ranking,
              normalisation,
              quorum,
              conclusion.get().scoresFingerprint()));
    }
    List<PitchFacts> pitches =
        catalogue.candidates(roundId, Stage.FINALS, ledger).stream()
            .map(KnownPitch::facts)
            .toList();
    Ranking ranking = ChainRanking.rank(ledger, Stage.FINALS, pitches);
    return Optional.of(
        FinalsBoard.live(roundId, finalists(ledger, pitches), ranking, normalisation, quorum));
  }

  private List<FinalsBoard.Finalist> finalists(RoundLedger ledger, List<PitchFacts> pitches) {
    Optional<Panel> panel = panels.find(ledger.roundId(), Stage.FINALS);
    Map<UUID, Judge> members =
        panel.map(p -> judges.findAll(p.judges())).orElse(List.of()).stream()
            .collect(Collectors.toMap(j -> j.judgeId().value(), Function.identity()));
    Map<UUID, Optional<KnownSme>> smes = new HashMap<>();
    return pitches.stream()
        .map(
            facts -> {
              KnownPitch pitch =
                  catalogue.pitch(facts.pitchId()).orElseGet(() -> known(ledger.roundId(), facts));
              Optional<KnownSme> sme = smes.computeIfAbsent(facts.smeId(), catalogue::sme);
              return new FinalsBoard.Finalist(
                  facts.pitchId(),
                  facts.problemId(),
                  pitch.title(),
                  pitch.smeName() != null
                      ? pitch.smeName()
                      : sme.map(KnownSme::companyName).orElse(null),
                  expected(panel, members, pitch, sme, ledger),
                  counted(ledger, facts));
            })
        .toList();
  }

  /**
   * The judges who may score the pitch: its assignment (every member before assignments are made),
   * less any the scoring rules would refuse for a conflict.
   */
  private static Set<UUID> expected(
      Optional<Panel> panel,
      Map<UUID, Judge> members,
      KnownPitch pitch,
      Optional<KnownSme> sme,
      RoundLedger ledger) {
    Set<UUID> expected = new LinkedHashSet<>();
    if (panel.isEmpty()) {
      return expected;
    }
    for (UUID judgeId : panel.get().judges()) {
      Judge judge = members.get(judgeId);
      if (judge != null
          && panel.get().assigned(judgeId, pitch.id())
          && ConflictRules.find(judge, pitch, sme, ledger).isEmpty()) {
        expected.add(judgeId);
      }
    }
    return expected;
  }

  /** The judges whose finals score for the pitch counts, as the ranking counts them. */
  private static Set<UUID> counted(RoundLedger ledger, PitchFacts pitch) {
    Set<UUID> counted = new LinkedHashSet<>();
    for (ScoreRecord score : ledger.latestScores(Stage.FINALS)) {
      if (score.pitchId().equals(pitch.pitchId())
          && ledger.conflict(score.judgeId(), pitch.pitchId(), pitch.smeId()).isEmpty()) {
        counted.add(score.judgeId());
      }
    }
    return counted;
  }

  /** A pitch the chain knows but the projection does not: no names to show or match. */
  private static KnownPitch known(UUID roundId, PitchFacts facts) {
    return new KnownPitch(
        facts.pitchId(),
        roundId,
        facts.problemId(),
        facts.smeId(),
        null,
        null,
        null,
        null,
        facts.requestedPence(),
        facts.submittedAt(),
        false,
        0);
  }
}
