package org.wyp.judgingservice.panel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.judge.ConflictRules;
import org.wyp.judgingservice.judge.Judge;
import org.wyp.judgingservice.pitch.KnownPitch;
import org.wyp.judgingservice.pitch.KnownSme;

/**
 * The pitches of one round on one judge's desk, and how it reads each. A pitch is on the desk when
 * a stage it judges has a rubric and a panel the judge is on, the pitch is assigned to the judge
 * there (any pitch of the stage before assignments are made), and the judge has no conflict with
 * it, declared or detected.
 *
 * <p>The finals show a pitch only once it is a finalist: shortlisted, or in a round without
 * screening. Finals are never blind. A pitch seen only through a blind screening is read {@link
 * Sight#BLIND}: so a judge on both panels reads the screening pitches blind until the shortlist
 * makes some of them finalists.
 */
public final class JudgeDesk {

  /** How a judge reads a pitch: with the SME's identity, or without it. */
  public enum Sight {
    IDENTIFIED,
    BLIND
  }

  private final UUID roundId;
  private final UUID judgeId;
  private final Judge judge;
  private final RoundLedger ledger;
  private final Optional<Panel> screening;
  private final Optional<Panel> finals;
  private final Function<UUID, Optional<KnownSme>> smes;
  private final Map<UUID, Optional<KnownSme>> smesSeen = new HashMap<>();

  JudgeDesk(
      UUID judgeId,
      Judge judge,
      RoundLedger ledger,
      Optional<Panel> screening,
      Optional<Panel> finals,
      Function<UUID, Optional<KnownSme>> smes) {
    this.roundId = ledger.roundId();
    this.judgeId = judgeId;
    this.judge = judge;
    this.ledger = ledger;
    this.screening = screening;
    this.finals = finals;
    this.smes = smes;
  }

  /** How the judge reads the pitch, or empty when it is not on the judge's desk. */
  public Optional<Sight> sight(KnownPitch pitch) {
    if (judge == null || !pitch.roundId().equals(roundId)) {
      return Optional.empty();
    }
    boolean viaFinals = judges(Stage.FINALS, finals, pitch) && finalist(pitch);
    boolean viaScreening = judges(Stage.SCREENING, screening, pitch);
    if (!viaFinals && !viaScreening) {
      return Optional.empty();
    }
    Optional<KnownSme> sme = smesSeen.computeIfAbsent(pitch.smeId(), smes);
    if (ConflictRules.find(judge, pitch, sme, ledger).isPresent()) {
      return Optional.empty();
    }
    if (viaFinals) {
      return Optional.of(Sight.IDENTIFIED);
    }
    boolean blind = ledger.rubric(Stage.SCREENING).map(RubricSpec::blindScreening).orElse(false);
    return Optional.of(blind ? Sight.BLIND : Sight.IDENTIFIED);
  }

  private boolean judges(Stage stage, Optional<Panel> panel, KnownPitch pitch) {
    return ledger.rubric(stage).isPresent()
        && panel.filter(p -> p.assigned(judgeId, pitch.id())).isPresent();
  }

  private boolean finalist(KnownPitch pitch) {
    return ledger
        .decision(Stage.SCREENING)
        .map(shortlist -> shortlist.shortlisted().contains(pitch.id()))
        .orElseGet(() -> ledger.rubric(Stage.SCREENING).isEmpty() && screening.isEmpty());
  }
}
