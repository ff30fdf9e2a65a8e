package org.wyp.awardservice.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fund's double-entry ledger, stored inside the fund's document so that an entry and the change
 * it pays for are written together. Every entry moves a positive amount between two accounts, and
 * no entry may leave a fund account below zero: the check that makes overspending impossible
 * whatever a caller computes.
 */
public class Ledger {

  private List<LedgerEntry> entries = new ArrayList<>();

  public void post(
      EntryKind kind,
      Account credit,
      Account debit,
      long amountPence,
      String awardId,
      Integer trancheNumber,
      Instant at) {
    if (amountPence <= 0) {
      throw new IllegalArgumentException("a ledger entry moves a positive amount");
    }
    if (credit == debit) {
      throw new IllegalArgumentException("a ledger entry moves money between two accounts");
    }
    if (!credit.mayGoNegative() && balance(credit) < amountPence) {
      throw new IllegalStateException(
          "%s of %d pence would overdraw %s (balance %d)"
              .formatted(kind, amountPence, credit, balance(credit)));
    }
    entries.add(
        new LedgerEntry(
            entries.size() + 1, kind, debit, credit, amountPence, awardId, trancheNumber, at));
  }

  /** Debits minus credits. */
  public long balance(Account account) {
    long balance = 0;
    for (LedgerEntry entry : entries) {
      if (entry.debit() == account) {
        balance += entry.amountPence();
      }
      if (entry.credit() == account) {
        balance -= entry.amountPence();
      }
    }
    return balance;
  }

  public Map<Account, Long> balances() {
    Map<Account, Long> balances = new EnumMap<>(Account.class);
    for (Account account : Account.values()) {
      balances.put(account, balance(account));
    }
    return balances;
  }

  public List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }
}
