package org.wyp.awardservice.fund;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wyp.awardservice.allocation.Candidate;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.kit.kafka.PoisonEventException;

/**
 * A round's final ranking as judging concluded it, kept in the fund's document: held until the fund
 * is configured, and afterwards the record of what the awards were allocated from.
 *
 * @param eventId the CloudEvents id of the JudgingConcluded allocated from
 * @param judgingVersion the version judging gave the conclusion
 */
record Conclusion(
    String eventId,
    long judgingVersion,
    Instant concludedAt,
    String scoresFingerprint,
    List<RankedEntry> ranking) {

  /**
   * Reads a conclusion, refusing one that can never be allocated from.
   *
   * @throws PoisonEventException when the ranking is missing, names a pitch twice, or a ranked
   *     pitch lacks its problem or SME, or asks for a negative amount
   */
  static Conclusion of(UUID eventId, JudgingConcluded event) {
    if (event.ranking() == null) {
      throw new PoisonEventException(
          "JudgingConcluded for round " + event.roundId() + " has no ranking");
    }
    Set<UUID> seen = new HashSet<>();
    List<RankedEntry> ranking =
        event.ranking().stream().map(pitch -> entry(event.roundId(), pitch, seen)).toList();
    return new Conclusion(
        eventId.toString(),
        event.version(),
        event.concludedAt(),
        event.scoresFingerprint(),
        ranking);
  }

  List<Candidate> candidates() {
    return ranking.stream().map(RankedEntry::candidate).toList();
  }

  private static RankedEntry entry(UUID roundId, RankedPitch pitch, Set<UUID> seen) {
    if (pitch == null || pitch.pitchId() == null || !seen.add(pitch.pitchId())) {
      throw new PoisonEventException(
          "JudgingConcluded for round " + roundId + " has a missing or repeated pitch id");
    }
    if (pitch.problemId() == null || pitch.smeId() == null || pitch.requestedPence() < 0) {
      throw new PoisonEventException(
          "JudgingConcluded for round %s: pitch %s needs a problem, an SME and a requested amount"
                  .formatted(roundId, pitch.pitchId())
              + " of at least zero");
    }
    if (pitch.rank() != null && pitch.rank() < 1) {
      throw new PoisonEventException(
          "JudgingConcluded for round %s: pitch %s has rank %d; ranks start at 1"
              .formatted(roundId, pitch.pitchId(), pitch.rank()));
    }
    return new RankedEntry(
        pitch.pitchId().toString(),
        pitch.problemId().toString(),
        pitch.smeId().toString(),
        pitch.rank(),
        pitch.requestedPence());
  }
}
