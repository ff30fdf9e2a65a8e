package org.wyp.events.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A winning pitch receives a share of the seed fund, paid in the tranches listed. */
public record AwardGranted(
    UUID awardId,
    long version,
    UUID roundId,
    UUID submissionId,
    UUID problemId,
    UUID smeId,
    int rank,
    long amountPence,
    List<Tranche> tranches,
    Instant grantedAt)
    implements AwardEvent {

  /** A planned payment; {@code number} counts from 1 and the amounts sum to the award. */
  public record Tranche(int number, String label, int percent, long amountPence) {}
}
