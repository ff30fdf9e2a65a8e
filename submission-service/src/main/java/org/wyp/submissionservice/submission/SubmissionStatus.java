package org.wyp.submissionservice.submission;

import java.util.Set;

/**
 * Where a pitch is, as its SME sees it. Outcomes from judging and awards only ever move a pitch
 * forward, from the statuses listed as their predecessors, so an outcome delivered twice or late
 * changes nothing.
 */
public enum SubmissionStatus {
  SUBMITTED,
  SHORTLISTED,
  NOT_SHORTLISTED,
  FINALIST,
  NOT_AWARDED,
  AWARDED,
  WITHDRAWN;

  /** Whether an outcome may move a pitch from this status to {@code outcome}. */
  boolean canReach(SubmissionStatus outcome) {
    Set<SubmissionStatus> from =
        switch (outcome) {
          case SHORTLISTED, NOT_SHORTLISTED -> Set.of(SUBMITTED);
          case FINALIST -> Set.of(SUBMITTED, SHORTLISTED);
          case NOT_AWARDED -> Set.of(FINALIST);
          case AWARDED -> Set.of(SUBMITTED, SHORTLISTED, FINALIST, NOT_AWARDED);
          case SUBMITTED, WITHDRAWN -> Set.of();
        };
    return from.contains(this);
  }
}
