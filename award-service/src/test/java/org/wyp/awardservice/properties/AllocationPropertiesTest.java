package org.wyp.awardservice.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.wyp.awardservice.allocation.Allocation;
import org.wyp.awardservice.allocation.AllocationPolicies;
import org.wyp.awardservice.allocation.Candidate;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.allocation.PlannedTranche;
import org.wyp.awardservice.allocation.Share;
import org.wyp.awardservice.allocation.TrancheSchedule;
import org.wyp.awardservice.allocation.TrancheTerm;
import org.wyp.events.award.AllocationPolicy;

/** The allocation policies and the tranche schedule over any terms the API accepts. */
class AllocationPropertiesTest {

  private static final Comparator<Candidate> BY_RANK =
      Comparator.comparing(Candidate::rank).thenComparing(Candidate::pitchId);

  @Provide
  Arbitrary<FundTerms> terms() {
    return FundArbitraries.terms();
  }

  @Provide
  Arbitrary<FundTerms> equalSplit() {
    return FundArbitraries.terms(AllocationPolicy.EQUAL_SPLIT);
  }

  @Provide
  Arbitrary<FundTerms> rankWeighted() {
    return FundArbitraries.terms(AllocationPolicy.RANK_WEIGHTED);
  }

  @Provide
  Arbitrary<FundTerms> requestedCapped() {
    return FundArbitraries.terms(AllocationPolicy.REQUESTED_CAPPED);
  }

  @Provide
  Arbitrary<List<Candidate>> rankings() {
    return FundArbitraries.rankings();
  }

  @Provide
  Arbitrary<List<TrancheTerm>> tranches() {
    return FundArbitraries.tranches();
  }

  @Property(tries = 500)
  void everyPennyOfTheBudgetIsSharedKeptAsRoundingOrLeftUnallocatedNeverMore(
      @ForAll("terms") FundTerms terms, @ForAll("rankings") List<Candidate> ranking) {
    Allocation allocation = AllocationPolicies.allocate(terms, ranking);

    assertThat(allocation.roundingRemainderPence()).isNotNegative();
    assertThat(allocation.unallocatedPence()).isNotNegative();
    assertThat(allocation.allocatedPence()).isLessThanOrEqualTo(terms.budgetPence());
    assertThat(
            allocation.allocatedPence()
                + allocation.roundingRemainderPence()
                + allocation.unallocatedPence())
        .isEqualTo(terms.budgetPence());
    Statistics.label("policy, winners")
        .collect(terms.policy(), allocation.shares().isEmpty() ? "none" : "some");
  }

  /** A share is an award: the ledger can only grant a positive amount. */
  @Property(tries = 500)
  void everyShareIsAPositiveWholeNumberOfPence(
      @ForAll("terms") FundTerms terms, @ForAll("rankings") List<Candidate> ranking) {
    Allocation allocation = AllocationPolicies.allocate(terms, ranking);

    assertThat(allocation.shares()).allSatisfy(s -> assertThat(s.amountPence()).isPositive());
  }

  @Property(tries = 500)
  void atMostMaxAwardsRankedPitchesWinInRankOrder(
      @ForAll("terms") FundTerms terms, @ForAll("rankings") List<Candidate> ranking) {
    Allocation allocation = AllocationPolicies.allocate(terms, ranking);
    List<Candidate> winners = allocation.shares().stream().map(Share::winner).toList();
    List<Candidate> contenders =
        ranking.stream().filter(c -> c.rank() != null).sorted(BY_RANK).toList();

    assertThat(winners).hasSizeLessThanOrEqualTo(terms.maxAwards()).doesNotHaveDuplicates();
    assertThat(winners).allSatisfy(w -> assertThat(w.rank()).isNotNull());
    assertThat(winners).isSortedAccordingTo(BY_RANK);
    if (terms.policy() == AllocationPolicy.REQUESTED_CAPPED) {
      // In order, passing over only those that asked for nothing.
      List<Candidate> considered =
          contenders.subList(0, winners.isEmpty() ? 0 : contenders.indexOf(winners.getLast()) + 1);
      assertThat(considered.stream().filter(c -> c.requestedPence() > 0).toList())
          .containsExactlyElementsOf(winners);
    } else {
      List<Candidate> top = contenders.subList(0, Math.min(terms.maxAwards(), contenders.size()));
      assertThat(winners).isSubsetOf(top);
    }
  }

  @Property(tries = 500)
  void equalSplitGivesTheTopNTheSameAndKeepsLessThanAPennyEachAsRounding(
      @ForAll("equalSplit") FundTerms terms, @ForAll("rankings") List<Candidate> ranking) {
    Allocation allocation = AllocationPolicies.allocate(terms, ranking);
    long ranked = ranking.stream().filter(c -> c.rank() != null).count();
    long places = Math.min(terms.maxAwards(), ranked);

    if (places == 0) {
      assertThat(allocation.unallocatedPence()).isEqualTo(terms.budgetPence());
      return;
    }
    long each = terms.budgetPence() / places;
    assertThat(allocation.shares()).allSatisfy(s -> assertThat(s.amountPence()).isEqualTo(each));
    assertThat(allocation.roundingRemainderPence()).isLessThan(places);
    assertThat(allocation.unallocatedPence()).isZero();
  }

  @Property(tries = 500)
  void rankWeightedGivesEachPlaceItsWeightsShareFloored(
      @ForAll("rankWeighted") FundTerms terms, @ForAll("rankings") List<Candidate> ranking) {
    Allocation allocation = AllocationPolicies.allocate(terms, ranking);
    List<Candidate> contenders =
        ranking.stream().filter(c -> c.rank() != null).sorted(BY_RANK).toList();
    int places = Math.min(terms.maxAwards(), contenders.size());
    BigInteger weightTaken =
        BigInteger.valueOf(terms.rankWeights().subList(0, places).stream().mapToLong(w -> w).sum());

    for (Share share : allocation.shares()) {
      int place = contenders.indexOf(share.winner());
      BigInteger exact =
          BigInteger.valueOf(terms.budgetPence())
              .multiply(BigInteger.valueOf(terms.rankWeights().get(place)))
              .divide(weightTaken);
      assertThat(share.amountPence()).isEqualTo(exact.longValueExact());
    }
    assertThat(allocation.roundingRemainderPence()).isLessThan(Math.max(places, 1));
    assertThat(allocation.unallocatedPence()).isEqualTo(places == 0 ? terms.budgetPence() : 0);
  }

  @Property(tries = 500)
  void requestedCappedNeverGivesMoreThanAskedOrTheCapAndOnlyTheLastLessThanThat(
      @ForAll("requestedCapped") FundTerms terms, @ForAll("rankings") List<Candidate> ranking) {
    Allocation allocation = AllocationPolicies.allocate(terms, ranking);
    List<Share> shares = allocation.shares();

    for (int i = 0; i < shares.size(); i++) {
      Share share = shares.get(i);
      long due = Math.min(share.winner().requestedPence(), terms.capPence());
      assertThat(share.amountPence()).isLessThanOrEqualTo(due);
      if (i < shares.size() - 1) {
        assertThat(share.amountPence()).as("only the last funded may get less").isEqualTo(due);
      }
    }
    assertThat(allocation.roundingRemainderPence()).isZero();
    boolean stoppedEarly = shares.size() == terms.maxAwards() || allocation.unallocatedPence() == 0;
    if (!stoppedEarly) {
      // Budget and places left: every ranked pitch that asked for something got all it was due.
      assertThat(shares.stream().map(Share::winner).toList())
          .containsExactlyInAnyOrderElementsOf(
              ranking.stream().filter(c -> c.rank() != null && c.requestedPence() > 0).toList());
    }
  }

  /** A redelivered conclusion, its pitches in another order, allocates identically. */
  @Property(tries = 500)
  void theOrderTheRankingArrivesInChangesNothing(
      @ForAll("terms") FundTerms terms,
      @ForAll("rankings") List<Candidate> ranking,
      @ForAll long shuffleSeed) {
    List<Candidate> shuffled = new ArrayList<>(ranking);
    Collections.shuffle(shuffled, new Random(shuffleSeed));

    assertThat(AllocationPolicies.allocate(terms, shuffled))
        .isEqualTo(AllocationPolicies.allocate(terms, ranking));
  }

  @Property(tries = 500)
  void trancheAmountsSumExactlyToTheAwardEachItsPercentageFloored(
      @ForAll @LongRange(max = FundArbitraries.MAX_BUDGET_PENCE) long award,
      @ForAll("tranches") List<TrancheTerm> terms) {
    List<PlannedTranche> tranches = TrancheSchedule.split(award, terms);

    assertThat(tranches).hasSameSizeAs(terms);
    assertThat(tranches.stream().mapToLong(PlannedTranche::amountPence).sum()).isEqualTo(award);
    for (int i = 0; i < tranches.size(); i++) {
      PlannedTranche tranche = tranches.get(i);
      long floored = award * terms.get(i).percent() / 100;
      assertThat(tranche.number()).isEqualTo(i + 1);
      assertThat(tranche.label()).isEqualTo(terms.get(i).label());
      assertThat(tranche.percent()).isEqualTo(terms.get(i).percent());
      if (i < tranches.size() - 1) {
        assertThat(tranche.amountPence()).isEqualTo(floored);
      } else {
        // The last takes the pennies the others' flooring left: fewer than one per tranche.
        assertThat(tranche.amountPence()).isBetween(floored, floored + tranches.size() - 1);
        if (award > 0) {
          assertThat(tranche.amountPence()).as("a positive award's last tranche").isPositive();
        }
      }
    }
  }
}
