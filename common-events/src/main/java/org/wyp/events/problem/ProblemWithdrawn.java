package org.wyp.events.problem;

import java.time.Instant;
import java.util.UUID;

/** The problem is taken back by its owner and leaves the public board. */
public record ProblemWithdrawn(UUID problemId, long version, UUID roundId, Instant withdrawnAt)
    implements ProblemEvent {}
