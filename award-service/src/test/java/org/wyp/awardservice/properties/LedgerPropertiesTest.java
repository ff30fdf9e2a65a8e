package org.wyp.awardservice.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wyp.awardservice.ledger.Account;
import org.wyp.awardservice.ledger.EntryKind;
import org.wyp.awardservice.ledger.Ledger;
import org.wyp.awardservice.ledger.LedgerEntry;

/**
 * The ledger on its own, under any sequence of postings, sensible or not: it takes a posting only
 * if it moves a positive amount between two accounts without overdrawing a fund account, and a
 * posting it refuses leaves it as it was.
 */
class LedgerPropertiesTest {

  private static final Instant NOW = Instant.parse("2026-06-12T15:00:00Z");

  record Posting(Account credit, Account debit, long amount) {}

  @Provide
  Arbitrary<List<Posting>> postings() {
    return Combinators.combine(
            Arbitraries.of(Account.class),
            Arbitraries.of(Account.class),
            Arbitraries.longs().between(-5, 1_000))
        .as(Posting::new)
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 500)
  void theLedgerTakesOnlyBalancedPostingsThatOverdrawNoFundAccount(
      @ForAll("postings") List<Posting> postings) {
    Ledger ledger = new Ledger();
    for (Posting posting : postings) {
      Map<Account, Long> before = ledger.balances();
      List<LedgerEntry> entries = ledger.entries();
      boolean valid =
          posting.amount() > 0
              && posting.credit() != posting.debit()
              && (posting.credit() == Account.SEED_FUNDING
                  || before.get(posting.credit()) >= posting.amount());
      if (valid) {
        ledger.post(
            EntryKind.BUDGET_CHANGED,
            posting.credit(),
            posting.debit(),
            posting.amount(),
            null,
            null,
            NOW);
        assertThat(ledger.entries()).hasSize(entries.size() + 1);
        assertThat(ledger.balance(posting.debit()))
            .isEqualTo(before.get(posting.debit()) + posting.amount());
        assertThat(ledger.balance(posting.credit()))
            .isEqualTo(before.get(posting.credit()) - posting.amount());
      } else {
        assertThatThrownBy(
                () ->
                    ledger.post(
                        EntryKind.BUDGET_CHANGED,
                        posting.credit(),
                        posting.debit(),
                        posting.amount(),
                        null,
                        null,
                        NOW))
            .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
        assertThat(ledger.entries()).isEqualTo(entries);
      }
      Map<Account, Long> balances = ledger.balances();
      assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isZero();
      for (Account account : Account.values()) {
        if (account != Account.SEED_FUNDING) {
          assertThat(balances.get(account)).as("%s", account).isNotNegative();
        }
      }
    }
  }
}
