package org.wyp.events.submission;

import java.time.Instant;
import java.util.UUID;

/** An SME pitched a solution to a published problem. Only what judging needs; nothing private. */
public record SubmissionReceived(
    UUID submissionId,
    long version,
    UUID roundId,
    UUID problemId,
    UUID smeId,
    String smeName,
    String smeCompanyNumber,
    String title,
    String summary,
    long requestedPence,
    Instant submittedAt)
    implements SubmissionEvent {}
