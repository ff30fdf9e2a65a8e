package org.wyp.submissionservice.submission;

import java.util.Optional;
import java.util.UUID;

/** What a submission list asks for; every part is optional. */
record SubmissionFilter(
    Optional<UUID> smeId,
    Optional<UUID> problemId,
    Optional<UUID> roundId,
    Optional<SubmissionStatus> status) {

  /** The same filter narrowed to one SME's pitches. */
  SubmissionFilter ofSme(UUID smeId) {
    return new SubmissionFilter(Optional.of(smeId), problemId, roundId, status);
  }
}
