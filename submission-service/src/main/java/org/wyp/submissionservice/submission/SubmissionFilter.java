package org.wyp.submissionservice.submission;

import java.util.Optional;
import java.util.UUID;

/** What a submission list asks for; every part is optional. */
record SubmissionFilter(
    Optional<UUID> smeId,
    Optional<UUID> problemId,
    Optional<UUID> roundId,
    Optional<SubmissionStatus> status) {}
