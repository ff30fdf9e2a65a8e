package org.wyp.awardservice.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wyp.events.award.AllocationPolicy;

class AllocationPoliciesTest {

  private static final List<TrancheTerm> ALL_AT_ONCE = List.of(new TrancheTerm("Award", 100));

  @Test
  void equalSplitSharesTheBudgetBetweenTheTopNAndKeepsTheRoundingRemainder() {
    Candidate first = candidate(1, 0);
    Candidate second = candidate(2, 0);
    Candidate third = candidate(3, 0);
    Candidate fourth = candidate(4, 0);

    Allocation allocation =
        AllocationPolicies.allocate(
            equalSplit(100_000_01, 3), List.of(fourth, third, first, second));

    assertThat(allocation.shares())
        .containsExactly(
            new Share(first, 33_333_33), new Share(second, 33_333_33), new Share(third, 33_333_33));
    assertThat(allocation.roundingRemainderPence()).isEqualTo(2);
    assertThat(allocation.unallocatedPence()).isZero();
  }

  @Test
  void equalSplitWithFewerRankedPitchesThanAwardsSplitsBetweenThoseThereAre() {
    Candidate first = candidate(1, 0);
    Candidate second = candidate(2, 0);

    Allocation allocation =
        AllocationPolicies.allocate(
            equalSplit(100_001, 5), List.of(second, candidate(null, 0), first));

    assertThat(allocation.shares())
        .containsExactly(new Share(first, 50_000), new Share(second, 50_000));
    assertThat(allocation.roundingRemainderPence()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(AllocationPolicy.class)
  void unrankedPitchesNeverWinAndWithNoRankedPitchTheWholeBudgetStays(AllocationPolicy policy) {
    Allocation allocation =
        AllocationPolicies.allocate(
            terms(policy, 90_000, 3), List.of(candidate(null, 10_000), candidate(null, 20_000)));

    assertThat(allocation.shares()).isEmpty();
    assertThat(allocation.unallocatedPence()).isEqualTo(90_000);
    assertThat(allocation.roundingRemainderPence()).isZero();
  }

  @Test
  void rankWeightedNormalisesTheWeightsAndFloorsEachShare() {
    Candidate first = candidate(1, 0);
    Candidate second = candidate(2, 0);
    Candidate third = candidate(3, 0);

    Allocation allocation =
        AllocationPolicies.allocate(
            new FundTerms(
                100_000, 3, AllocationPolicy.RANK_WEIGHTED, List.of(5, 3, 1), null, ALL_AT_ONCE),
            List.of(third, second, first, candidate(4, 0)));

    // 100000 * 5/9 = 55555.5, * 3/9 = 33333.3, * 1/9 = 11111.1: floored, 1 penny stays.
    assertThat(allocation.shares())
        .containsExactly(
            new Share(first, 55_555), new Share(second, 33_333), new Share(third, 11_111));
    assertThat(allocation.roundingRemainderPence()).isEqualTo(1);
  }

  @Test
  void rankWeightedWithFewerWinnersNormalisesOverThePlacesTaken() {
    Candidate first = candidate(1, 0);
    Candidate second = candidate(2, 0);

    Allocation allocation =
        AllocationPolicies.allocate(
            new FundTerms(
                80_000, 3, AllocationPolicy.RANK_WEIGHTED, List.of(50, 30, 20), null, ALL_AT_ONCE),
            List.of(first, second, candidate(null, 0)));

    assertThat(allocation.shares())
        .containsExactly(new Share(first, 50_000), new Share(second, 30_000));
    assertThat(allocation.roundingRemainderPence()).isZero();
    assertThat(allocation.allocatedPence()).isEqualTo(80_000);
  }

  @Test
  void requestedCappedGivesEachTheLowerOfRequestAndCapInRankOrder() {
    Candidate first = candidate(1, 70_000);
    Candidate second = candidate(2, 20_000);
    Candidate third = candidate(3, 40_000);

    Allocation allocation =
        AllocationPolicies.allocate(
            capped(200_000, 3, 50_000), List.of(third, first, second, candidate(4, 10_000)));

    assertThat(allocation.shares())
        .containsExactly(
            new Share(first, 50_000), new Share(second, 20_000), new Share(third, 40_000));
    assertThat(allocation.unallocatedPence()).isEqualTo(90_000);
  }

  @Test
  void requestedCappedStopsWhenTheBudgetRunsOutGivingTheLastWhatIsLeft() {
    Candidate first = candidate(1, 60_000);
    Candidate second = candidate(2, 60_000);
    Candidate third = candidate(3, 60_000);

    Allocation allocation =
        AllocationPolicies.allocate(capped(100_000, 3, 60_000), List.of(first, second, third));

    assertThat(allocation.shares())
        .containsExactly(new Share(first, 60_000), new Share(second, 40_000));
    assertThat(allocation.unallocatedPence()).isZero();
  }

  @Test
  void requestedCappedWithFewerRankedPitchesThanAwardsFundsThoseThereAre() {
    Candidate only = candidate(1, 5_000);
    Candidate askedNothing = candidate(2, 0);

    Allocation allocation =
        AllocationPolicies.allocate(
            capped(100_000, 3, 50_000), List.of(askedNothing, only, candidate(null, 9_000)));

    assertThat(allocation.shares()).containsExactly(new Share(only, 5_000));
    assertThat(allocation.unallocatedPence()).isEqualTo(95_000);
  }

  @Test
  void tiedRanksAreOrderedByPitchIdSoEveryRunAllocatesTheSame() {
    Candidate a = new Candidate(new UUID(0, 1), UUID.randomUUID(), UUID.randomUUID(), 1, 0);
    Candidate b = new Candidate(new UUID(0, 2), UUID.randomUUID(), UUID.randomUUID(), 1, 0);

    assertThat(AllocationPolicies.allocate(equalSplit(10, 1), List.of(b, a)).shares())
        .containsExactly(new Share(a, 10));
  }

  @ParameterizedTest
  @EnumSource(AllocationPolicy.class)
  void noPolicyEverHandsOutMoreThanTheBudgetOrLosesAPenny(AllocationPolicy policy) {
    Random random = new Random(42);
    for (int run = 0; run < 2_000; run++) {
      long budget = 1 + random.nextLong(10_000_000_00L);
      int maxAwards = 1 + random.nextInt(6);
      List<Integer> weights = new ArrayList<>();
      for (int i = 0; i < maxAwards; i++) {
        weights.add(1 + random.nextInt(100));
      }
      FundTerms terms =
          new FundTerms(
              budget,
              maxAwards,
              policy,
              policy == AllocationPolicy.RANK_WEIGHTED ? weights : List.of(),
              policy == AllocationPolicy.REQUESTED_CAPPED ? 1 + random.nextLong(budget) : null,
              ALL_AT_ONCE);
      List<Candidate> ranking = new ArrayList<>();
      int pitches = random.nextInt(9);
      for (int i = 0; i < pitches; i++) {
        ranking.add(candidate(random.nextInt(4) == 0 ? null : 1 + i, random.nextLong(budget + 1)));
      }

      Allocation allocation = AllocationPolicies.allocate(terms, ranking);

      assertThat(allocation.allocatedPence()).isLessThanOrEqualTo(budget);
      assertThat(
              allocation.allocatedPence()
                  + allocation.roundingRemainderPence()
                  + allocation.unallocatedPence())
          .isEqualTo(budget);
      assertThat(allocation.shares()).hasSizeLessThanOrEqualTo(maxAwards);
      assertThat(allocation.shares())
          .allSatisfy(
              share -> {
                assertThat(share.amountPence()).isPositive();
                assertThat(share.winner().rank()).isNotNull();
              });
      if (policy == AllocationPolicy.REQUESTED_CAPPED) {
        assertThat(allocation.shares())
            .allSatisfy(
                share ->
                    assertThat(share.amountPence())
                        .isLessThanOrEqualTo(terms.capPence())
                        .isLessThanOrEqualTo(share.winner().requestedPence()));
      } else if (!allocation.shares().isEmpty()) {
        assertThat(allocation.roundingRemainderPence()).isLessThan(allocation.shares().size());
      }
    }
  }

  @Test
  void termsThatCouldNotBeAllocatedAreRefused() {
    assertThatThrownBy(() -> equalSplit(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> equalSplit(10, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FundTerms(10, 2, AllocationPolicy.RANK_WEIGHTED, List.of(1), null, ALL_AT_ONCE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FundTerms(
                    10, 2, AllocationPolicy.RANK_WEIGHTED, List.of(1, 0), null, ALL_AT_ONCE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new FundTerms(10, 2, AllocationPolicy.REQUESTED_CAPPED, null, null, ALL_AT_ONCE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static FundTerms terms(AllocationPolicy policy, long budget, int maxAwards) {
    return switch (policy) {
      case EQUAL_SPLIT -> equalSplit(budget, maxAwards);
      case RANK_WEIGHTED ->
          new FundTerms(
              budget, maxAwards, policy, Collections.nCopies(maxAwards, 1), null, ALL_AT_ONCE);
      case REQUESTED_CAPPED -> capped(budget, maxAwards, budget);
    };
  }

  private static FundTerms equalSplit(long budget, int maxAwards) {
    return new FundTerms(
        budget, maxAwards, AllocationPolicy.EQUAL_SPLIT, List.of(), null, ALL_AT_ONCE);
  }

  private static FundTerms capped(long budget, int maxAwards, long cap) {
    return new FundTerms(
        budget, maxAwards, AllocationPolicy.REQUESTED_CAPPED, List.of(), cap, ALL_AT_ONCE);
  }

  private static Candidate candidate(Integer rank, long requested) {
    return new Candidate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), rank, requested);
  }
}
