package org.wyp.awardservice.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The allocation policies as pure functions over whole pence. Only ranked pitches win, best rank
 * first; a tie is broken by pitch id so that a redelivered conclusion allocates identically. No
 * policy ever hands out more than the budget: what it cannot hand out stays in the fund and is
 * reported.
 */
public final class AllocationPolicies {

  private static final Comparator<Candidate> BY_RANK =
      Comparator.comparing(Candidate::rank).thenComparing(Candidate::pitchId);

  private AllocationPolicies() {}

  public static Allocation allocate(FundTerms terms, List<Candidate> ranking) {
    List<Candidate> contenders =
        ranking.stream().filter(candidate -> candidate.rank() != null).sorted(BY_RANK).toList();
    return switch (terms.policy()) {
      case EQUAL_SPLIT -> equalSplit(terms, contenders);
      case RANK_WEIGHTED -> rankWeighted(terms, contenders);
      case REQUESTED_CAPPED -> requestedCapped(terms, contenders);
    };
  }

  /**
   * The budget split equally between the top N; with fewer ranked pitches than N, between those
   * there are. The pence that do not divide evenly stay in the fund; a budget of fewer pence than
   * winners gives nobody a whole penny, so it grants no award and all of it stays.
   */
  private static Allocation equalSplit(FundTerms terms, List<Candidate> contenders) {
    List<Candidate> winners = top(contenders, terms.maxAwards());
    if (winners.isEmpty()) {
      return new Allocation(List.of(), 0, terms.budgetPence());
    }
    long each = terms.budgetPence() / winners.size();
    if (each == 0) {
      return new Allocation(List.of(), terms.budgetPence(), 0);
    }
    List<Share> shares = winners.stream().map(winner -> new Share(winner, each)).toList();
    return new Allocation(shares, terms.budgetPence() - each * winners.size(), 0);
  }

  /**
   * Each winner gets the weight of its place over the sum of the weights of the places taken,
   * floored; with fewer winners than places, the weights of the places taken are normalised, so the
   * budget is still spent. The pence lost to flooring stay in the fund; a place whose share floors
   * to nothing grants no award.
   */
  private static Allocation rankWeighted(FundTerms terms, List<Candidate> contenders) {
    List<Candidate> winners = top(contenders, terms.maxAwards());
    if (winners.isEmpty()) {
      return new Allocation(List.of(), 0, terms.budgetPence());
    }
    List<Integer> weights = terms.rankWeights().subList(0, winners.size());
    long totalWeight = weights.stream().mapToLong(Integer::longValue).sum();
    List<Share> shares = new ArrayList<>();
    long allocated = 0;
    for (int i = 0; i < winners.size(); i++) {
      long amount = Math.multiplyExact(terms.budgetPence(), weights.get(i)) / totalWeight;
      if (amount > 0) {
        allocated += amount;
        shares.add(new Share(winners.get(i), amount));
      }
    }
    return new Allocation(shares, terms.budgetPence() - allocated, 0);
  }

  /**
   * In rank order each winner gets the lower of what it asked for and the cap, until N awards are
   * made or the budget runs out; the last one funded may get only what is left. A pitch that asked
   * for nothing is passed over without using a place.
   */
  private static Allocation requestedCapped(FundTerms terms, List<Candidate> contenders) {
    List<Share> shares = new ArrayList<>();
    long left = terms.budgetPence();
    for (Candidate candidate : contenders) {
      if (shares.size() == terms.maxAwards() || left == 0) {
        break;
      }
      long amount = Math.min(Math.min(candidate.requestedPence(), terms.capPence()), left);
      if (amount > 0) {
        shares.add(new Share(candidate, amount));
        left -= amount;
      }
    }
    return new Allocation(shares, 0, left);
  }

  private static List<Candidate> top(List<Candidate> contenders, int n) {
    return contenders.subList(0, Math.min(n, contenders.size()));
  }
}
