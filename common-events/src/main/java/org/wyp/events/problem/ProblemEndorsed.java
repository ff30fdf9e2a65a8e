package org.wyp.events.problem;

import java.time.Instant;
import java.util.UUID;

/** Another organisation has the same problem; {@code endorsementCount} is the total after it. */
public record ProblemEndorsed(
    UUID problemId,
    long version,
    UUID roundId,
    String organisation,
    String note,
    int endorsementCount,
    Instant endorsedAt)
    implements ProblemEvent {}
