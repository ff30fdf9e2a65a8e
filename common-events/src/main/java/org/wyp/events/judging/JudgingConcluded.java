package org.wyp.events.judging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The finals are locked and the ranking is final. {@code scoresFingerprint} is the head of the
 * round's score hash chain, so anyone holding the chain can check the ranking.
 */
public record JudgingConcluded(
    UUID roundId,
    long version,
    Stage stage,
    List<RankedPitch> ranking,
    String scoresFingerprint,
    Instant concludedAt)
    implements JudgingEvent {

  @Override
  @JsonIgnore
  public UUID aggregateId() {
    return roundId;
  }

  /**
   * One pitch's place; {@code rank} is null for a pitch below quorum. {@code normalisedScore} is
   * null when the stage does not normalise.
   */
  public record RankedPitch(
      UUID pitchId,
      UUID problemId,
      UUID smeId,
      Integer rank,
      double rawScore,
      Double normalisedScore,
      int judgeCount,
      double medianTotal,
      long requestedPence) {}
}
