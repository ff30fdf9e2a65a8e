package org.wyp.events.submission;

import java.time.Instant;
import java.util.UUID;

/** The SME withdrew its pitch; it leaves every ranking. */
public record SubmissionWithdrawn(
    UUID submissionId, long version, UUID roundId, UUID problemId, UUID smeId, Instant withdrawnAt)
    implements SubmissionEvent {}
