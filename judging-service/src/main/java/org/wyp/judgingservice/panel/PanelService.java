package org.wyp.judgingservice.panel;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.ChainService;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.judge.ConflictLog;
import org.wyp.judgingservice.judge.ConflictRules;
import org.wyp.judgingservice.judge.Judge;
import org.wyp.judgingservice.judge.JudgeId;
import org.wyp.judgingservice.judge.Judges;
import org.wyp.judgingservice.pitch.KnownPitch;
import org.wyp.judgingservice.pitch.KnownSme;
import org.wyp.judgingservice.pitch.PitchCatalogue;
import org.wyp.kit.aggregate.ConcurrentUpdateException;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.domain.RuleViolationException;

/** Manages panels and assignments, keeping every pitch at its quorum where conflicts allow. */
@Service
public class PanelService {

  private static final int REPLAN_ATTEMPTS = 5;

  private final Panels panels;
  private final Judges judges;
  private final PitchCatalogue catalogue;
  private final ChainService chain;
  private final ConflictLog conflictLog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PanelService(
      Panels panels,
      Judges judges,
      PitchCatalogue catalogue,
      ChainService chain,
      ConflictLog conflictLog,
      ApplicationEventPublisher events,
      Clock clock) {
    this.panels = panels;
    this.judges = judges;
    this.catalogue = catalogue;
    this.chain = chain;
    this.conflictLog = conflictLog;
    this.events = events;
    this.clock = clock;
  }

  /** The panel, and whether this call formed it. */
  public record Formed(Panel panel, boolean created) {}

  Formed form(UUID roundId, Stage stage, List<UUID> judgeIds) {
    Set<UUID> distinct = new LinkedHashSet<>(judgeIds);
    if (distinct.size() != judgeIds.size()) {
      throw new RuleViolationException("duplicate-judge", "judgeIds names a judge more than once");
    }
    Set<UUID> known =
        judges.findAll(distinct).stream().map(j -> j.judgeId().value()).collect(Collectors.toSet());
    List<UUID> unknown = judgeIds.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new RuleViolationException("unknown-judge", "No judges with ids " + unknown);
    }
    requireOpen(chain.ledger(roundId), stage);
    Optional<Panel> existing = panels.find(roundId, stage);
    Formed formed;
    if (existing.isPresent()) {
      existing.get().replaceJudges(judgeIds, clock.instant());
      formed = new Formed(panels.save(existing.get()), false);
    } else {
      formed = new Formed(panels.save(Panel.form(roundId, stage, judgeIds, clock.instant())), true);
    }
    events.publishEvent(new PanelChanged(roundId, stage));
    return formed;
  }

  Panel get(UUID roundId, Stage stage) {
    return panels
        .find(roundId, stage)
        .orElseThrow(() -> new NotFoundException("panel", roundId + "/" + stage));
  }

  /**
   * Assigns the stage's pitches: for screening each pitch gets the quorum, spread evenly; for
   * finals every panel member gets every finalist. Conflicts found from affiliations are recorded
   * (and announced) on the way, and conflicted judges are never assigned.
   */
  Panel assign(UUID roundId, Stage stage) {
    Panel panel = get(roundId, stage);
    RoundLedger ledger = chain.ledger(roundId);
    requireOpen(ledger, stage);
    RubricSpec rubric =
        ledger
            .rubric(stage)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "no-rubric", "Set the " + stage + " rubric before assigning pitches"));
    return replan(panel, ledger, rubric);
  }

  /** After a conflict: re-plans the round's assigned stages so pitches keep their quorum. */
  public void reassign(UUID roundId) {
    for (Stage stage : Stage.values()) {
      for (int attempt = 1; ; attempt++) {
        Optional<Panel> panel = panels.find(roundId, stage).filter(Panel::hasAssignments);
        RoundLedger ledger = chain.ledger(roundId);
        if (panel.isEmpty() || ledger.locked(stage) || ledger.rubric(stage).isEmpty()) {
          break;
        }
        try {
          replan(panel.get(), ledger, ledger.rubric(stage).get());
          break;
        } catch (ConcurrentUpdateException e) {
          if (attempt >= REPLAN_ATTEMPTS) {
            throw e;
          }
        }
      }
    }
  }

  /** The round's pitches on the judge's desk (none when there is no such judge). */
  public JudgeDesk desk(UUID roundId, UUID judgeId) {
    return new JudgeDesk(
        judgeId,
        judges.find(new JudgeId(judgeId)).orElse(null),
        chain.ledger(roundId),
        panels.find(roundId, Stage.SCREENING),
        panels.find(roundId, Stage.FINALS),
        catalogue::sme);
  }

  /** Whether the judge is on a panel of the round, in either stage. */
  public boolean member(UUID roundId, UUID judgeId) {
    for (Stage stage : Stage.values()) {
      if (panels.find(roundId, stage).filter(p -> p.member(judgeId)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** Why the judge may not score the pitch in the stage, or empty when it may. */
  public Optional<String> refusal(UUID roundId, Stage stage, UUID judgeId, UUID pitchId) {
    Optional<Panel> panel = panels.find(roundId, stage);
    if (panel.isEmpty()) {
      return Optional.of("round " + roundId + " has no " + stage + " panel yet");
    }
    if (!panel.get().member(judgeId)) {
      return Optional.of("judge " + judgeId + " is not on the " + stage + " panel");
    }
    if (!panel.get().assigned(judgeId, pitchId)) {
      return Optional.of("pitch " + pitchId + " is not assigned to judge " + judgeId);
    }
    return Optional.empty();
  }

  private Panel replan(Panel panel, RoundLedger ledger, RubricSpec rubric) {
    List<KnownPitch> pitches = catalogue.candidates(panel.roundId(), panel.stage(), ledger);
    Map<UUID, Judge> members =
        judges.findAll(panel.judges()).stream()
            .collect(Collectors.toMap(j -> j.judgeId().value(), Function.identity()));
    Map<UUID, Optional<KnownSme>> smes = new HashMap<>();
    Set<List<UUID>> conflicted = new HashSet<>();
    for (KnownPitch pitch : pitches) {
      Optional<KnownSme> sme = smes.computeIfAbsent(pitch.smeId(), catalogue::sme);
      for (Judge judge : members.values()) {
        Optional<ConflictRules.Found> found = ConflictRules.find(judge, pitch, sme, ledger);
        if (found.isPresent()) {
          conflicted.add(List.of(judge.judgeId().value(), pitch.id()));
          if (found.get().detected()) {
            conflictLog.record(
                panel.roundId(),
                judge.judgeId().value(),
                pitch.id(),
                null,
                found.get().reason(),
                true);
          }
        }
      }
    }
    int perPitch =
        panel.stage() == Stage.FINALS ? panel.judges().size() : rubric.minJudgesPerPitch();
    Map<UUID, List<UUID>> plan =
        AssignmentPlanner.plan(
            panel.assignmentPlan(),
            panel.judges(),
            pitches.stream().map(KnownPitch::id).toList(),
            perPitch,
            (judge, pitch) -> conflicted.contains(List.of(judge, pitch)));
    panel.assign(plan, clock.instant());
    Panel saved = panels.save(panel);
    events.publishEvent(new PanelChanged(saved.roundId(), saved.stage()));
    return saved;
  }

  private static void requireOpen(RoundLedger ledger, Stage stage) {
    if (ledger.locked(stage)) {
      throw new ConflictException(
          "stage-locked", stage + " of round " + ledger.roundId() + " has ended and is locked");
    }
  }
}
