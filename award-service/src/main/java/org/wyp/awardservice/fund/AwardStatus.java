package org.wyp.awardservice.fund;

/** An award's lifecycle: GRANTED, ACCEPTED by the SME, then COMPLETED when paid, or REVOKED. */
public enum AwardStatus {
  GRANTED,
  ACCEPTED,
  COMPLETED,
  REVOKED
}
