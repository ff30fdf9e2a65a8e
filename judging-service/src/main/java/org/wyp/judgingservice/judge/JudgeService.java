package org.wyp.judgingservice.judge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wyp.judgingservice.chain.ChainRecord;
import org.wyp.judgingservice.panel.PanelService;
import org.wyp.judgingservice.pitch.KnownPitch;
import org.wyp.judgingservice.pitch.PitchCatalogue;
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.domain.RuleViolationException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;

/** Manages judges and the conflicts they declare. */
@Service
public class JudgeService {

  private final Judges judges;
  private final PitchCatalogue catalogue;
  private final ConflictLog conflictLog;
  private final PanelService panels;
  private final Clock clock;

  JudgeService(
      Judges judges,
      PitchCatalogue catalogue,
      ConflictLog conflictLog,
      PanelService panels,
      Clock clock) {
    this.judges = judges;
    this.catalogue = catalogue;
    this.conflictLog = conflictLog;
    this.panels = panels;
    this.clock = clock;
  }

  /** Where a declared conflict was recorded: one chain entry per round it affects. */
  public record Recorded(UUID roundId, long seq) {}

  Judge register(
      String name, String organisation, List<String> expertise, List<String> affiliations) {
    return judges.save(
        Judge.register(
            JudgeId.next(), name, organisation, expertise, affiliations, clock.instant()));
  }

  Judge get(JudgeId id) {
    return judges.find(id).orElseThrow(() -> new NotFoundException("judge", id));
  }

  /** A judge as the caller may see it: organisers any, a judge only itself (others not found). */
  Judge get(Caller caller, JudgeId id) {
    if (!caller.has(Role.ORGANISER) && !caller.isJudge(id.value())) {
      throw new NotFoundException("judge", id);
    }
    return get(id);
  }

  /**
   * Declares a conflict with a pitch, or with an SME (all its pitches, in every round, including
   * ones not made yet). It is recorded in each affected round's chain with a ConflictDeclared, any
   * score the judge gave there stops counting, and assigned pitches are reassigned to keep their
   * quorum.
   *
   * <p>A judge declares only its own conflicts, and names only pitches of rounds it judges (any
   * other is as unknown as one that does not exist); an organiser may record a conflict for any
   * judge, as a conflict only ever takes scoring away.
   */
  List<Recorded> declareConflict(
      Caller caller, JudgeId judgeId, UUID pitchId, UUID smeId, String reason) {
    boolean organiser = caller.has(Role.ORGANISER);
    if (!organiser) {
      requireSelf(caller, judgeId);
    }
    Judge judge = get(judgeId);
    List<Recorded> recorded = new ArrayList<>();
    if (pitchId != null) {
      KnownPitch pitch =
          catalogue
              .pitch(pitchId)
              .filter(p -> organiser || panels.member(p.roundId(), judgeId.value()))
              .orElseThrow(
                  () ->
                      new RuleViolationException(
                          "unknown-pitch", "pitchId " + pitchId + " names no known pitch"));
      conflictLog
          .record(pitch.roundId(), judgeId.value(), pitchId, null, reason, false)
          .ifPresent(entry -> recorded.add(recorded(entry)));
      panels.reassign(pitch.roundId());
      return recorded;
    }
    List<KnownPitch> pitches = catalogue.bySme(smeId);
    if (pitches.isEmpty() && catalogue.sme(smeId).isEmpty()) {
      throw new RuleViolationException(
          "unknown-sme", "smeId " + smeId + " names no SME known to judging");
    }
    if (judge.declareSmeConflict(smeId, reason)) {
      judges.save(judge);
    }
    Set<UUID> rounds = new LinkedHashSet<>();
    pitches.forEach(p -> rounds.add(p.roundId()));
    for (UUID roundId : rounds) {
      conflictLog
          .record(roundId, judgeId.value(), null, smeId, reason, false)
          .ifPresent(entry -> recorded.add(recorded(entry)));
      panels.reassign(roundId);
    }
    return recorded;
  }

  private static void requireSelf(Caller caller, JudgeId judgeId) {
    UUID self = caller.requireJudge();
    if (!self.equals(judgeId.value())) {
      throw new ForbiddenException(
          "judge-mismatch",
          "A judge declares only its own conflicts: the token is judge %s's, the path names judge %s"
              .formatted(self, judgeId));
    }
  }

  private static Recorded recorded(ChainRecord entry) {
    return new Recorded(entry.roundId(), entry.seq());
  }
}
