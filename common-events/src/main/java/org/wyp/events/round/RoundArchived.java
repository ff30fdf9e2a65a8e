package org.wyp.events.round;

import java.time.Instant;
import java.util.UUID;

/** The round is over and kept for the record. */
public record RoundArchived(UUID roundId, long version, Instant archivedAt) implements RoundEvent {}
