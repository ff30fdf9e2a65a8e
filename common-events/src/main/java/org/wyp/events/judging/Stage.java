package org.wyp.events.judging;

/** The two judging stages of a round. */
public enum Stage {
  /** Assessors read the written submissions and shortlist the strongest. */
  SCREENING,
  /** An expert panel hears the finalists' pitches and scores them. */
  FINALS
}
