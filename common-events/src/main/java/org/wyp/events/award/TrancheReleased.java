package org.wyp.events.award;

import java.time.Instant;
import java.util.UUID;

/** A milestone was signed off and its tranche paid; {@code paidPence} is the total paid so far. */
public record TrancheReleased(
    UUID awardId,
    long version,
    UUID roundId,
    UUID submissionId,
    int trancheNumber,
    String label,
    long amountPence,
    long paidPence,
    Instant releasedAt)
    implements AwardEvent {}
