package org.wyp.events.problem;

import java.time.Instant;
import java.util.UUID;

/** A published problem's text changed; {@code content} is the whole new text. */
public record ProblemUpdated(
    UUID problemId, long version, UUID roundId, ProblemContent content, Instant updatedAt)
    implements ProblemEvent {}
