package org.wyp.problemservice.funding;

import java.time.Instant;
import java.util.UUID;

/** A pitch to a problem that won an award: how the problem is being solved, and with how much. */
public record FundedSolution(
    UUID awardId,
    UUID submissionId,
    UUID smeId,
    long amountPence,
    long paidPence,
    AwardStatus status,
    Instant grantedAt) {

  /** The award's state as this service learns it from award events. */
  public enum AwardStatus {
    GRANTED,
    ACCEPTED,
    COMPLETED,
    REVOKED
  }
}
