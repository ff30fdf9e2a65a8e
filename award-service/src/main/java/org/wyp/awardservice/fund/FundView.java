package org.wyp.awardservice.fund;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.allocation.TrancheTerm;
import org.wyp.awardservice.ledger.Account;
import org.wyp.awardservice.ledger.LedgerEntry;
import org.wyp.events.award.AllocationPolicy;

/**
 * A fund as the API shows it: its terms, where its money is and every ledger entry that moved it.
 * {@code budgetPence = remainingPence + allocatedPence} always; {@code allocatedPence} includes
 * what was paid.
 */
record FundView(
    UUID roundId,
    FundStatus status,
    long budgetPence,
    long allocatedPence,
    long paidPence,
    long remainingPence,
    long roundingRemainderPence,
    long unallocatedPence,
    int maxAwards,
    AllocationPolicy policy,
    List<Integer> rankWeights,
    Long capPence,
    List<TrancheTerm> tranches,
    int awardCount,
    Map<Account, Long> balances,
    List<LedgerEntry> ledger,
    Instant concludedAt,
    String scoresFingerprint,
    String allocatedFromEventId,
    long version,
    Instant configuredAt,
    Instant allocatedAt,
    Instant updatedAt) {

  static FundView of(Fund fund) {
    FundTerms terms = fund.terms();
    return new FundView(
        fund.roundId(),
        fund.status(),
        terms.budgetPence(),
        fund.allocatedPence(),
        fund.paidPence(),
        fund.remainingPence(),
        fund.roundingRemainderPence(),
        fund.unallocatedPence(),
        terms.maxAwards(),
        terms.policy(),
        terms.rankWeights(),
        terms.capPence(),
        terms.tranches(),
        fund.awards().size(),
        fund.balances(),
        fund.ledger(),
        fund.concludedAt().orElse(null),
        fund.scoresFingerprint().orElse(null),
        fund.allocatedFromEventId().orElse(null),
        fund.version(),
        fund.configuredAt(),
        fund.allocatedAt(),
        fund.updatedAt());
  }
}
