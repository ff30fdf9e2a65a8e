package org.wyp.submissionservice.programme;

/** A round's phase as learned from round events. */
public enum RoundPhase {
  ANNOUNCED,
  OPEN,
  SUBMISSIONS_CLOSED,
  ARCHIVED
}
