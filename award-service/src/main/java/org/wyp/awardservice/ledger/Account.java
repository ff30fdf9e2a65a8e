package org.wyp.awardservice.ledger;

/**
 * The accounts of a fund's ledger. The three fund accounts hold the budget between them; {@code
 * SEED_FUNDING} is where the budget comes from, so its balance is the budget's negative and every
 * entry, the opening one included, is balanced.
 */
public enum Account {
  /** The programme's seed money committed to this round: the source of the budget. */
  SEED_FUNDING,
  /** Budget not (or no longer) promised to any award. */
  FUND_AVAILABLE,
  /** Granted to awards and not yet paid. */
  AWARDS_COMMITTED,
  /** Paid to winners. */
  PAID_OUT;

  /** Only the source may go below zero; a fund account below zero would be money not there. */
  boolean mayGoNegative() {
    return this == SEED_FUNDING;
  }
}
