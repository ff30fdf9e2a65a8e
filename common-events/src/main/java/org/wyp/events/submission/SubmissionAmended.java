package org.wyp.events.submission;

import java.time.Instant;
import java.util.UUID;

/** The SME changed its pitch while the round was open; the fields are the whole new state. */
public record SubmissionAmended(
    UUID submissionId,
    long version,
    UUID roundId,
    UUID problemId,
    UUID smeId,
    String smeName,
    String title,
    String summary,
    long requestedPence,
    Instant amendedAt)
    implements SubmissionEvent {}
