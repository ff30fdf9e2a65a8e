package org.wyp.events.problem;

import java.time.Instant;
import java.util.UUID;

/** A problem is public and open to pitches while its round is open. */
public record ProblemPublished(
    UUID problemId, long version, UUID roundId, ProblemContent content, Instant publishedAt)
    implements ProblemEvent {}
