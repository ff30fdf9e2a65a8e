package org.wyp.submissionservice.submission;

import java.util.UUID;

/** How many live (not withdrawn) pitches a problem has: public, and nothing more. */
public record ProblemSubmissionCount(UUID problemId, long submissions) {}
