package org.wyp.awardservice.fund;

/** Where a round's fund is. */
public enum FundStatus {
  /** Judging concluded before an organiser configured the fund: the conclusion is held. */
  AWAITING_TERMS,
  /** Configured, waiting for judging to conclude; its terms may still change. */
  OPEN,
  /** Awards granted from the conclusion; the terms are fixed. */
  ALLOCATED
}
