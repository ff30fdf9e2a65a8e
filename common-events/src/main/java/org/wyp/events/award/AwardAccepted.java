package org.wyp.events.award;

import java.time.Instant;
import java.util.UUID;

/** The SME accepted its award. */
public record AwardAccepted(
    UUID awardId, long version, UUID roundId, UUID submissionId, Instant acceptedAt)
    implements AwardEvent {}
