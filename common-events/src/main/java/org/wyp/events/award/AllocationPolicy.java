package org.wyp.events.award;

/** How a fund's budget is shared between the top-ranked pitches. */
public enum AllocationPolicy {
  EQUAL_SPLIT,
  RANK_WEIGHTED,
  REQUESTED_CAPPED
}
