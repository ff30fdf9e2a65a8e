package org.wyp.events.award;

import java.time.Instant;
import java.util.UUID;

/** Every tranche of the award has been paid. */
public record AwardCompleted(
    UUID awardId,
    long version,
    UUID roundId,
    UUID submissionId,
    long paidPence,
    Instant completedAt)
    implements AwardEvent {}
