package org.wyp.events.round;

import java.time.Instant;
import java.util.UUID;

/** The round no longer accepts new submissions or amendments; withdrawals remain possible. */
public record RoundSubmissionsClosed(UUID roundId, long version, Instant closedAt)
    implements RoundEvent {}
