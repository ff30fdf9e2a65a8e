package org.wyp.awardservice.ledger;

/** Why money moved. */
public enum EntryKind {
  BUDGET_SET,
  BUDGET_CHANGED,
  AWARD_GRANTED,
  TRANCHE_RELEASED,
  AWARD_REVOKED
}
