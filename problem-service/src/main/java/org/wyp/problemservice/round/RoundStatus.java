package org.wyp.problemservice.round;

/** Where a round is in its life. */
public enum RoundStatus {
  /** Scheduled; problems are being gathered and published. */
  ANNOUNCED,
  /** SMEs may submit pitches. */
  OPEN,
  /** No new pitches or amendments; screening and finals run. */
  SUBMISSIONS_CLOSED,
  /** Over and kept for the record. */
  ARCHIVED
}
