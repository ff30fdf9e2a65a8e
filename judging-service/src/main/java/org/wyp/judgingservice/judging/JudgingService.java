package org.wyp.judgingservice.judging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.JudgingEvent;
import org.wyp.events.judging.PitchNotShortlisted;
import org.wyp.events.judging.PitchScoreRevised;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.judging.PitchShortlisted;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.ChainRecord;
import org.wyp.judgingservice.chain.ChainService;
import org.wyp.judgingservice.chain.Decision;
import org.wyp.judgingservice.chain.EntryData;
import org.wyp.judgingservice.chain.EntryKind;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.chain.ScoreRecord;
import org.wyp.judgingservice.judge.ConflictRules;
import org.wyp.judgingservice.judge.Judge;
import org.wyp.judgingservice.judge.JudgeId;
import org.wyp.judgingservice.judge.Judges;
import org.wyp.judgingservice.panel.PanelService;
import org.wyp.judgingservice.pitch.KnownPitch;
import org.wyp.judgingservice.pitch.KnownSme;
import org.wyp.judgingservice.pitch.PitchCatalogue;
import org.wyp.judgingservice.ranking.ChainRanking;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;
import org.wyp.judgingservice.scoring.Totals;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.domain.RuleViolationException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;

/**
 * A round's judging: rubrics, scores, the screening shortlist, rankings and the conclusion. Every
 * change is one chain entry, decided against the chain as it stands (see {@link ChainService}).
 */
@Service
public class JudgingService {

  private final ChainService chain;
  private final PitchCatalogue catalogue;
  private final Judges judges;
  private final PanelService panels;
  private final JudgingMetrics metrics;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  JudgingService(
      ChainService chain,
      PitchCatalogue catalogue,
      Judges judges,
      PanelService panels,
      JudgingMetrics metrics,
      ApplicationEventPublisher events,
      Clock clock) {
    this.chain = chain;
    this.catalogue = catalogue;
    this.judges = judges;
    this.panels = panels;
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
  }

  record RubricSaved(RubricSpec rubric, boolean created) {}

  record ScoreSaved(ScoreRecord score, double total, String hash, boolean first) {}

  record StageRanking(
      UUID roundId, Stage stage, RubricSpec rubric, boolean locked, Ranking ranking) {}

  record Shortlist(
      UUID roundId, long seq, List<RankedPitch> shortlisted, List<RankedPitch> others) {}

  record Conclusion(
      UUID roundId,
      long seq,
      String scoresFingerprint,
      String concludedAt,
      StageRanking ranking,
      boolean created) {}

  RubricSaved setRubric(UUID roundId, RubricSpec rubric) {
    rubric.requireConsistent();
    ChainService.Appended appended =
        chain.append(
            roundId,
            ledger -> {
              requireOpen(ledger, rubric.stage());
              if (ledger.rubric(rubric.stage()).filter(rubric::equals).isPresent()) {
                return Optional.empty();
              }
              if (ledger.hasScores(rubric.stage())) {
                throw new ConflictException(
                    "rubric-in-use",
                    "The %s rubric of round %s already has scores against it and cannot change"
                        .formatted(rubric.stage(), roundId));
              }
              return Optional.of(
                  new ChainService.Draft(
                      EntryKind.RUBRIC, EntryData.rubric(rubric), null, List.of()));
            });
    boolean created =
        appended.entry() != null && appended.before().rubric(rubric.stage()).isEmpty();
    events.publishEvent(new RubricChanged(roundId, rubric.stage()));
    return new RubricSaved(rubric, created);
  }

  RubricSpec rubric(UUID roundId, Stage stage) {
    return chain
        .ledger(roundId)
        .rubric(stage)
        .orElseThrow(() -> new NotFoundException("rubric", roundId + "/" + stage));
  }

  /**
   * Records a judge's scores for a pitch: the first time a PitchScored, after that a
   * PitchScoreRevised. Sending exactly the latest scores and comment again records nothing.
   */
  ScoreSaved score(
      Caller caller,
      UUID pitchId,
      Stage stage,
      UUID judgeId,
      Map<String, Integer> scores,
      String comment) {
    // Before anything is looked up, so another judge's id reveals nothing.
    UUID self = caller.requireJudge();
    if (!self.equals(judgeId)) {
      throw new ForbiddenException(
          "judge-mismatch",
          "A judge scores only as itself: the token is judge %s's, the path names judge %s"
              .formatted(self, judgeId));
    }
    KnownPitch pitch =
        catalogue
            .pitch(pitchId)
            .filter(p -> p.submittedAt() != null)
            .orElseThrow(() -> new NotFoundException("pitch", pitchId));
    if (pitch.withdrawn()) {
      throw withdrawn(pitchId);
    }
    Judge judge =
        judges
            .find(new JudgeId(judgeId))
            .orElseThrow(() -> new NotFoundException("judge", judgeId));
    Optional<KnownSme> sme = catalogue.sme(pitch.smeId());
    UUID roundId = pitch.roundId();
    Map<String, Integer> sorted = new TreeMap<>(scores);
    Instant now = clock.instant();
    ChainService.Appended appended =
        chain.append(
            roundId,
            ledger -> {
              RubricSpec rubric = requireRubric(ledger, stage);
              requireOpen(ledger, stage);
              if (ledger.withdrawn(pitchId)) {
                throw withdrawn(pitchId);
              }
              requireFinalist(ledger, stage, pitchId);
              ConflictRules.find(judge, pitch, sme, ledger)
                  .ifPresent(
                      found -> {
                        throw new ForbiddenException(
                            "conflict-of-interest",
                            conflictDetail(judgeId, pitchId, found, rubric));
                      });
              panels
                  .refusal(roundId, stage, judgeId, pitchId)
                  .ifPresent(
                      reason -> {
                        throw new ForbiddenException("not-assigned", "Cannot score: " + reason);
                      });
              rubric.requireValidScores(sorted);
              Optional<ScoreRecord> previous = ledger.latestScore(stage, pitchId, judgeId);
              if (previous.isPresent()
                  && previous.get().scores().equals(sorted)
                  && Objects.equals(previous.get().comment(), comment)) {
                return Optional.empty();
              }
              int revision = previous.map(p -> p.revision() + 1).orElse(0);
              double total = Totals.total(rubric.mathsCriteria(), sorted);
              LongFunction<JudgingEvent> event =
                  revision == 0
                      ? seq ->
                          new PitchScored(
                              roundId, pitchId, seq, stage, judgeId, sorted, total, comment, now)
                      : seq ->
                          new PitchScoreRevised(
                              roundId, pitchId, seq, stage, judgeId, revision, sorted, total,
                              comment, now);
              return Optional.of(
                  new ChainService.Draft(
                      EntryKind.SCORE,
                      EntryData.score(
                          stage, pitchId, judgeId, revision, sorted, comment, pitch.facts()),
                      null,
                      List.of(event)));
            });
    RoundLedger after = appended.entry() == null ? appended.before() : chain.ledger(roundId);
    ScoreRecord saved = after.latestScore(stage, pitchId, judgeId).orElseThrow();
    RubricSpec rubric = after.rubric(stage).orElseThrow();
    String hash =
        after.records().stream()
            .filter(r -> r.seq() == saved.seq())
            .map(ChainRecord::hash)
            .findFirst()
            .orElseThrow();
    boolean first = appended.entry() != null && saved.revision() == 0;
    if (first) {
      metrics.scoreRecorded(roundId, stage);
    }
    return new ScoreSaved(saved, Totals.total(rubric.mathsCriteria(), saved.scores()), hash, first);
  }

  /**
   * Why a conflicted judge may not score. A detected conflict's reason names the SME's company, so
   * a judge screening blind is told only that one of its affiliations matched.
   */
  private static String conflictDetail(
      UUID judgeId, UUID pitchId, ConflictRules.Found found, RubricSpec rubric) {
    String reason =
        found.detected() && rubric.blindScreening()
            ? "one of the judge's affiliations matches the SME"
            : found.reason();
    return "Judge %s has a %s conflict of interest with pitch %s (%s) and cannot score it"
        .formatted(judgeId, found.detected() ? "detected" : "declared", pitchId, reason);
  }

  /**
   * The stage's ranking: live while the stage runs, and once it has ended the ranking it ended on,
   * recomputed from the chain alone.
   */
  StageRanking ranking(UUID roundId, Stage stage) {
    RoundLedger ledger = chain.ledger(roundId);
    requireRubricOrNotFound(ledger, stage);
    return ranking(ledger, stage);
  }

  /** The rankings of the stages that have a rubric, in every round judging has a chain for. */
  List<StageRanking> rankings() {
    List<StageRanking> rankings = new ArrayList<>();
    for (UUID roundId : chain.rounds()) {
      RoundLedger ledger = chain.ledger(roundId);
      for (Stage stage : Stage.values()) {
        if (ledger.rubric(stage).isPresent()) {
          rankings.add(ranking(ledger, stage));
        }
      }
    }
    return rankings;
  }

  private StageRanking ranking(RoundLedger ledger, Stage stage) {
    UUID roundId = ledger.roundId();
    RubricSpec rubric = ledger.rubric(stage).orElseThrow();
    if (ledger.locked(stage)) {
      return new StageRanking(
          roundId, stage, rubric, true, ChainRanking.recompute(roundId, ledger.records(), stage));
    }
    return new StageRanking(
        roundId, stage, rubric, false, ChainRanking.rank(ledger, stage, candidates(ledger, stage)));
  }

  /**
   * Ends screening: the top {@code size} ranked pitches (default the rubric's shortlist size), or
   * the organiser's explicit list, go to the finals; one event per pitch says which.
   */
  Shortlist shortlist(UUID roundId, Integer size, List<UUID> pitchIds) {
    Instant now = clock.instant();
    ChainService.Appended appended =
        chain.append(
            roundId,
            ledger -> {
              RubricSpec rubric = requireRubric(ledger, Stage.SCREENING);
              if (ledger.locked(Stage.SCREENING)) {
                throw new ConflictException(
                    "already-shortlisted", "Round " + roundId + " has its shortlist already");
              }
              Ranking ranking =
                  ChainRanking.rank(ledger, Stage.SCREENING, candidates(ledger, Stage.SCREENING));
              List<UUID> chosen = choose(rubric, ranking, size, pitchIds);
              List<LongFunction<JudgingEvent>> events = new ArrayList<>();
              for (UUID id : chosen) {
                Integer rank = rankOf(ranking, id);
                // The contract's screeningRank is an int: 0 stands for "unranked" here.
                events.add(
                    seq -> new PitchShortlisted(roundId, id, seq, rank == null ? 0 : rank, now));
              }
              for (RankedPitch entry : ranking.entries()) {
                if (!chosen.contains(entry.pitch().pitchId())) {
                  events.add(
                      seq ->
                          new PitchNotShortlisted(
                              roundId, entry.pitch().pitchId(), seq, entry.rank(), now));
                }
              }
              return Optional.of(
                  new ChainService.Draft(
                      EntryKind.SHORTLIST,
                      EntryData.shortlist(facts(ranking), chosen),
                      "shortlist",
                      events));
            });
    RoundLedger after = chain.ledger(roundId);
    Decision decision = after.decision(Stage.SCREENING).orElseThrow();
    Ranking ranking = ChainRanking.recompute(roundId, after.records(), Stage.SCREENING);
    List<RankedPitch> shortlisted = new ArrayList<>();
    for (UUID id : decision.shortlisted()) {
      ranking.entries().stream()
          .filter(e -> e.pitch().pitchId().equals(id))
          .findFirst()
          .ifPresent(shortlisted::add);
    }
    List<RankedPitch> others =
        ranking.entries().stream()
            .filter(e -> !decision.shortlisted().contains(e.pitch().pitchId()))
            .toList();
    return new Shortlist(roundId, appended.entry().seq(), shortlisted, others);
  }

  /**
   * Concludes the finals: locks them and publishes the final ranking with the scores' fingerprint,
   * once. Concluding again changes nothing and answers with the same conclusion.
   */
  Conclusion conclude(UUID roundId) {
    Instant now = clock.instant();
    ChainService.Appended appended =
        chain.append(
            roundId,
            ledger -> {
              if (ledger.locked(Stage.FINALS)) {
                return Optional.empty();
              }
              requireRubric(ledger, Stage.FINALS);
              Ranking ranking =
                  ChainRanking.rank(ledger, Stage.FINALS, candidates(ledger, Stage.FINALS));
              String fingerprint = ledger.headHash();
              List<JudgingConcluded.RankedPitch> published =
                  ranking.entries().stream().map(JudgingService::published).toList();
              return Optional.of(
                  new ChainService.Draft(
                      EntryKind.CONCLUSION,
                      EntryData.conclusion(facts(ranking), fingerprint),
                      "conclusion",
                      List.of(
                          seq ->
                              new JudgingConcluded(
                                  roundId, seq, Stage.FINALS, published, fingerprint, now))));
            });
    return conclusion(roundId, appended.entry() != null);
  }

  Conclusion conclusion(UUID roundId, boolean created) {
    RoundLedger ledger = chain.ledger(roundId);
    Decision decision =
        ledger
            .decision(Stage.FINALS)
            .orElseThrow(() -> new NotFoundException("conclusion of round", roundId));
    RubricSpec rubric = ledger.rubric(Stage.FINALS).orElseThrow();
    StageRanking ranking =
        new StageRanking(
            roundId,
            Stage.FINALS,
            rubric,
            true,
            ChainRanking.recompute(roundId, ledger.records(), Stage.FINALS));
    return new Conclusion(
        roundId,
        decision.seq(),
        decision.scoresFingerprint(),
        decision.recordedAt(),
        ranking,
        created);
  }

  /**
   * The conclusion as the caller may see it: organisers in full; anyone else, once the finals are
   * concluded, the public results (the ranking and its fingerprint, no judges' figures).
   */
  Views.Outcome conclusion(Caller caller, UUID roundId) {
    Conclusion conclusion = conclusion(roundId, false);
    return caller.has(Role.ORGANISER)
        ? Views.ConclusionView.of(conclusion)
        : Views.PublicConclusionView.of(conclusion);
  }

  static JudgingConcluded.RankedPitch published(RankedPitch entry) {
    PitchFacts pitch = entry.pitch();
    return new JudgingConcluded.RankedPitch(
        pitch.pitchId(),
        pitch.problemId(),
        pitch.smeId(),
        entry.rank(),
        // The contract's figures are plain doubles: a pitch nobody scored shows 0 with 0 judges.
        entry.rawScore() == null ? 0 : entry.rawScore(),
        entry.normalisedScore(),
        entry.judgeCount(),
        entry.medianTotal() == null ? 0 : entry.medianTotal(),
        pitch.requestedPence());
  }

  private List<PitchFacts> candidates(RoundLedger ledger, Stage stage) {
    return catalogue.candidates(ledger.roundId(), stage, ledger).stream()
        .map(KnownPitch::facts)
        .toList();
  }

  private static List<PitchFacts> facts(Ranking ranking) {
    return ranking.entries().stream().map(RankedPitch::pitch).toList();
  }

  private static List<UUID> choose(
      RubricSpec rubric, Ranking ranking, Integer size, List<UUID> pitchIds) {
    if (pitchIds != null) {
      Set<UUID> known = new HashSet<>();
      ranking.entries().forEach(e -> known.add(e.pitch().pitchId()));
      List<UUID> unknown = pitchIds.stream().filter(id -> !known.contains(id)).toList();
      if (!unknown.isEmpty()) {
        throw new RuleViolationException(
            "unknown-pitch", "Not live pitches of this round's screening: " + unknown);
      }
      return List.copyOf(new LinkedHashSet<>(pitchIds));
    }
    Integer n = size != null ? size : rubric.shortlistSize();
    if (n == null) {
      throw new RuleViolationException(
          "shortlist-size-missing",
          "Give a size or pitchIds: the screening rubric names no shortlist size");
    }
    return ranking.entries().stream()
        .filter(e -> e.rank() != null)
        .limit(n)
        .map(e -> e.pitch().pitchId())
        .toList();
  }

  private static Integer rankOf(Ranking ranking, UUID pitchId) {
    return ranking.entries().stream()
        .filter(e -> e.pitch().pitchId().equals(pitchId))
        .findFirst()
        .map(RankedPitch::rank)
        .orElse(null);
  }

  private static RubricSpec requireRubric(RoundLedger ledger, Stage stage) {
    return ledger
        .rubric(stage)
        .orElseThrow(
            () ->
                new ConflictException(
                    "no-rubric",
                    "Round %s has no %s rubric yet".formatted(ledger.roundId(), stage)));
  }

  private static RubricSpec requireRubricOrNotFound(RoundLedger ledger, Stage stage) {
    return ledger
        .rubric(stage)
        .orElseThrow(() -> new NotFoundException("rubric", ledger.roundId() + "/" + stage));
  }

  private static void requireOpen(RoundLedger ledger, Stage stage) {
    if (ledger.locked(stage)) {
      throw new ConflictException(
          "stage-locked",
          "%s of round %s has ended and is locked".formatted(stage, ledger.roundId()));
    }
  }

  private static void requireFinalist(RoundLedger ledger, Stage stage, UUID pitchId) {
    if (stage != Stage.FINALS) {
      return;
    }
    ledger
        .decision(Stage.SCREENING)
        .filter(shortlist -> !shortlist.shortlisted().contains(pitchId))
        .ifPresent(
            shortlist -> {
              throw new ConflictException(
                  "not-a-finalist", "Pitch " + pitchId + " was not shortlisted for the finals");
            });
  }

  private static ConflictException withdrawn(UUID pitchId) {
    return new ConflictException("pitch-withdrawn", "Pitch " + pitchId + " was withdrawn");
  }
}
