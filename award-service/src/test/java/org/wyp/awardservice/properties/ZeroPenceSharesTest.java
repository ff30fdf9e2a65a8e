package org.wyp.awardservice.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wyp.awardservice.allocation.Allocation;
import org.wyp.awardservice.allocation.AllocationPolicies;
import org.wyp.awardservice.allocation.Candidate;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.allocation.Share;
import org.wyp.awardservice.allocation.TrancheTerm;
import org.wyp.awardservice.fund.FundStatus;
import org.wyp.events.award.AllocationPolicy;

/**
 * Counterexamples the allocation properties found, kept as examples. A budget of fewer pence than
 * the places it is split between made EQUAL_SPLIT and RANK_WEIGHTED hand out shares of 0 pence; the
 * ledger refuses to grant nothing, so allocating such a fund threw, and neither the conclusion nor
 * the terms that would have allocated it could ever be stored.
 */
class ZeroPenceSharesTest {

  private static final List<TrancheTerm> SCHEDULE =
      List.of(
          new TrancheTerm("Start", 11), new TrancheTerm("Middle", 15), new TrancheTerm("End", 74));

  private static List<Candidate> ranked(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> new Candidate(new UUID(0, i), new UUID(1, i), new UUID(2, i), i, 1_000_000L))
        .toList();
  }

  @Test
  void anEqualSplitOfFewerPenceThanWinnersGrantsNothingAndKeepsThePence() {
    FundTerms terms = new FundTerms(1, 2, AllocationPolicy.EQUAL_SPLIT, List.of(), null, SCHEDULE);

    Allocation allocation = AllocationPolicies.allocate(terms, ranked(2));

    assertThat(allocation.shares()).isEmpty();
    assertThat(allocation.roundingRemainderPence()).isEqualTo(1);
    assertThat(allocation.unallocatedPence()).isZero();
  }

  @Test
  void aRankWeightedPlaceWhoseShareFloorsToNothingGrantsNoAward() {
    // 17p by weights 274, 11, 139, 36, 38, 6 (sum 504): 9.24, 0.37, 4.69, 1.21, 1.28, 0.20.
    FundTerms terms =
        new FundTerms(
            17,
            6,
            AllocationPolicy.RANK_WEIGHTED,
            List.of(274, 11, 139, 36, 38, 6),
            null,
            SCHEDULE);
    List<Candidate> ranking = ranked(6);

    Allocation allocation = AllocationPolicies.allocate(terms, ranking);

    assertThat(allocation.shares())
        .containsExactly(
            new Share(ranking.get(0), 9),
            new Share(ranking.get(2), 4),
            new Share(ranking.get(3), 1),
            new Share(ranking.get(4), 1));
    assertThat(allocation.roundingRemainderPence()).isEqualTo(2);
  }

  @Test
  void aHeldConclusionIsAllocatedWhenSuchTermsArrive() {
    FundMachine fund = new FundMachine();
    fund.conclude(ranked(6), 2);
    fund.configure(
        new FundTerms(
            17,
            6,
            AllocationPolicy.RANK_WEIGHTED,
            List.of(274, 11, 139, 36, 38, 6),
            null,
            SCHEDULE));

    fund.ledgerBalances();
    fund.awardsAgreeWithTheModelAndTheLedger();
    assertThat(fund.awards()).hasSize(4);
    assertThat(fund.status()).isEqualTo(FundStatus.ALLOCATED);
  }

  @Test
  void aConfiguredFundAllocatesAnEqualSplitOfOnePennyBetweenTwo() {
    FundMachine fund = new FundMachine();
    fund.configure(new FundTerms(1, 2, AllocationPolicy.EQUAL_SPLIT, List.of(), null, SCHEDULE));
    fund.conclude(ranked(2), 1);

    fund.ledgerBalances();
    fund.awardsAgreeWithTheModelAndTheLedger();
    assertThat(fund.awards()).isEmpty();
    assertThat(fund.status()).isEqualTo(FundStatus.ALLOCATED);
  }
}
