package org.wyp.submissionservice.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A submission as the API shows it. */
record SubmissionView(
    UUID id,
    UUID problemId,
    UUID roundId,
    UUID smeId,
    String smeName,
    String title,
    String summary,
    String approach,
    String dataUse,
    String impact,
    long requestedPence,
    List<Pitch.TeamMember> team,
    List<String> links,
    SubmissionStatus status,
    Long awardedPence,
    long version,
    Instant submittedAt,
    Instant updatedAt) {

  static SubmissionView of(Submission submission) {
    Pitch pitch = submission.pitch();
    return new SubmissionView(
        submission.submissionId().value(),
        submission.problemId(),
        submission.roundId(),
        submission.smeId(),
        submission.smeName(),
        pitch.title(),
        pitch.summary(),
        pitch.approach(),
        pitch.dataUse(),
        pitch.impact(),
        pitch.requestedPence(),
        pitch.team(),
        pitch.links(),
        submission.status(),
        submission.awardedPence(),
        submission.version(),
        submission.submittedAt(),
        submission.updatedAt());
  }
}
