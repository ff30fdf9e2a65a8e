package org.wyp.awardservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.awardservice.ledger.Account;

/**
 * The money rules, checked on every stored fund: replaying each ledger entry by entry, every entry
 * moves a positive amount, no fund account is ever below zero, and the three fund accounts always
 * hold exactly the budget. Awards agree with the ledger, and tranches sum to their award.
 */
public final class LedgerInvariants {

  private static final List<Account> FUND_ACCOUNTS =
      List.of(Account.FUND_AVAILABLE, Account.AWARDS_COMMITTED, Account.PAID_OUT);

  private LedgerInvariants() {}

  public static void assertEveryFundBalances(MongoTemplate mongo) {
    for (Document fund : mongo.findAll(Document.class, "funds")) {
      if ("AWAITING_TERMS".equals(fund.getString("status"))) {
        continue;
      }
      String round = fund.getString("_id");
      long budget = ((Number) fund.get("budgetPence")).longValue();
      Map<Account, Long> balances = new EnumMap<>(Account.class);
      for (Account account : Account.values()) {
        balances.put(account, 0L);
      }
      Document ledger = fund.get("ledger", Document.class);
      for (Document entry : ledger.getList("entries", Document.class)) {
        long amount = ((Number) entry.get("amountPence")).longValue();
        assertThat(amount).as("entry amount in fund %s", round).isPositive();
        Account debit = Account.valueOf(entry.getString("debit"));
        Account credit = Account.valueOf(entry.getString("credit"));
        balances.merge(debit, amount, Long::sum);
        balances.merge(credit, -amount, Long::sum);
        for (Account account : FUND_ACCOUNTS) {
          assertThat(balances.get(account))
              .as("%s of fund %s after entry %s", account, round, entry)
              .isNotNegative();
        }
      }
      long held = FUND_ACCOUNTS.stream().mapToLong(balances::get).sum();
      assertThat(held).as("fund accounts of %s sum to the budget", round).isEqualTo(budget);
      assertThat(balances.get(Account.SEED_FUNDING)).isEqualTo(-budget);

      long committedAndPaid = 0;
      long paid = 0;
      for (Document award : fund.getList("awards", Document.class)) {
        long amount = ((Number) award.get("amountPence")).longValue();
        long awardPaid = ((Number) award.get("paidPence")).longValue();
        long returned = ((Number) award.get("returnedPence")).longValue();
        long tranches =
            award.getList("tranches", Document.class).stream()
                .mapToLong(t -> ((Number) t.get("amountPence")).longValue())
                .sum();
        assertThat(tranches).as("tranches of award %s", award.get("awardId")).isEqualTo(amount);
        committedAndPaid += amount - returned;
        paid += awardPaid;
      }
      assertThat(balances.get(Account.AWARDS_COMMITTED) + balances.get(Account.PAID_OUT))
          .as("ledger agrees with the awards of %s", round)
          .isEqualTo(committedAndPaid);
      assertThat(balances.get(Account.PAID_OUT)).isEqualTo(paid);
    }
  }
}
