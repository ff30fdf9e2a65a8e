package org.wyp.awardservice.ledger;

import java.time.Instant;

/**
 * One balanced double entry: {@code amountPence} is debited to one account and credited to another,
 * so the balances of all accounts always sum to zero.
 *
 * @param awardId the award the money moved for; null for budget entries
 * @param trancheNumber the tranche paid; null unless a release
 */
public record LedgerEntry(
    int sequence,
    EntryKind kind,
    Account debit,
    Account credit,
    long amountPence,
    String awardId,
    Integer trancheNumber,
    Instant at) {}
