package org.wyp.problemservice.problem;

import java.util.Set;

/** Where a problem statement is in its life. */
public enum ProblemStatus {
  /** Being written by its owner with programme staff; not public. */
  DRAFT,
  /** Public, and open to pitches while its round is open. */
  PUBLISHED,
  /** Public, but takes no new pitches. */
  CLOSED,
  /** Taken back by its owner; not public. */
  WITHDRAWN;

  /** What anonymous visitors may see. */
  public static final Set<ProblemStatus> PUBLIC = Set.of(PUBLISHED, CLOSED);
}
