package org.wyp.events.round;

import java.time.Instant;
import java.util.UUID;

/** The round accepts submissions. */
public record RoundOpened(UUID roundId, long version, Instant openedAt) implements RoundEvent {}
