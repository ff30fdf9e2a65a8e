package org.wyp.judgingservice.scoring;

/** How a stage turns judges' totals into a pitch's score. */
public enum Normalisation {
  /** The pitch's score is the mean of its judges' totals. */
  NONE,
  /**
   * Each judge's totals are standardised over the pitches it scored, so a harsh or lenient judge
   * weighs no more than any other; the pitch's score is the mean of its judges' z values.
   */
  ZSCORE
}
