package org.wyp.events.problem;

import java.time.Instant;
import java.util.UUID;

/** The problem takes no new pitches; pitches already made stand. */
public record ProblemClosed(UUID problemId, long version, UUID roundId, Instant closedAt)
    implements ProblemEvent {}
