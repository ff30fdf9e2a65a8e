package org.wyp.awardservice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static final Instant NOW = Instant.parse("2026-06-12T15:00:00Z");

  @Test
  void everyEntryIsBalancedAndTheFundAccountsHoldTheBudget() {
    Ledger ledger = new Ledger();
    ledger.post(
        EntryKind.BUDGET_SET, Account.SEED_FUNDING, Account.FUND_AVAILABLE, 1_000, null, null, NOW);
    ledger.post(
        EntryKind.AWARD_GRANTED,
        Account.FUND_AVAILABLE,
        Account.AWARDS_COMMITTED,
        600,
        "a",
        null,
        NOW);
    ledger.post(
        EntryKind.TRANCHE_RELEASED, Account.AWARDS_COMMITTED, Account.PAID_OUT, 240, "a", 1, NOW);

    assertThat(ledger.balances().values().stream().mapToLong(Long::longValue).sum()).isZero();
    assertThat(ledger.balance(Account.FUND_AVAILABLE)).isEqualTo(400);
    assertThat(ledger.balance(Account.AWARDS_COMMITTED)).isEqualTo(360);
    assertThat(ledger.balance(Account.PAID_OUT)).isEqualTo(240);
    assertThat(ledger.balance(Account.SEED_FUNDING)).isEqualTo(-1_000);
    assertThat(ledger.entries()).extracting(LedgerEntry::sequence).containsExactly(1, 2, 3);
  }

  @Test
  void noEntryMayOverdrawAFundAccount() {
    Ledger ledger = new Ledger();
    ledger.post(
        EntryKind.BUDGET_SET, Account.SEED_FUNDING, Account.FUND_AVAILABLE, 100, null, null, NOW);

    assertThatThrownBy(
            () ->
                ledger.post(
                    EntryKind.AWARD_GRANTED,
                    Account.FUND_AVAILABLE,
                    Account.AWARDS_COMMITTED,
                    101,
                    "a",
                    null,
                    NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("overdraw");
    assertThatThrownBy(
            () ->
                ledger.post(
                    EntryKind.TRANCHE_RELEASED,
                    Account.AWARDS_COMMITTED,
                    Account.PAID_OUT,
                    1,
                    "a",
                    1,
                    NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                ledger.post(
                    EntryKind.AWARD_GRANTED,
                    Account.FUND_AVAILABLE,
                    Account.AWARDS_COMMITTED,
                    0,
                    "a",
                    null,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.entries()).hasSize(1);
    assertThat(ledger.balance(Account.FUND_AVAILABLE)).isEqualTo(100);
  }
}
