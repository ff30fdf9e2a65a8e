package org.wyp.events.award;

import java.time.Instant;
import java.util.UUID;

/** The award was revoked before completion; the unpaid remainder returned to the fund. */
public record AwardRevoked(
    UUID awardId,
    long version,
    UUID roundId,
    UUID submissionId,
    long paidPence,
    long returnedPence,
    String reason,
    Instant revokedAt)
    implements AwardEvent {}
