package org.wyp.judgingservice.chain;

/** What a chain entry records. Everything a ranking depends on is one of these. */
public enum EntryKind {
  /** A stage's rubric was set: criteria, weights, ranges, normalisation, quorum. */
  RUBRIC,
  /** A judge scored a pitch in a stage, first time (revision 0) or again (revision 1, 2, …). */
  SCORE,
  /** A judge has a conflict with a pitch or an SME: its scores for them do not count. */
  CONFLICT,
  /** The SME withdrew the pitch: it leaves every ranking. */
  WITHDRAWAL,
  /** Screening ended with a shortlist; screening is locked. */
  SHORTLIST,
  /** Finals concluded; finals are locked and the ranking is final. */
  CONCLUSION
}
