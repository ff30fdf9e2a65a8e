package org.wyp.submissionservice.programme;

/** Whether a problem takes pitches, as learned from problem events. Drafts are never seen. */
public enum ProblemAvailability {
  PUBLISHED,
  CLOSED,
  WITHDRAWN
}
