package org.wyp.awardservice.allocation;

import java.util.List;
import org.wyp.events.award.AllocationPolicy;

/**
 * How a fund is shared: the budget, how many awards at most, the policy and its parameters, and the
 * payment schedule every award follows. Checked on construction so that no policy ever runs on
 * terms that could overspend or lose pence.
 *
 * @param rankWeights one weight per award place, for RANK_WEIGHTED; empty otherwise
 * @param capPence the most one award may receive, for REQUESTED_CAPPED; null otherwise
 */
public record FundTerms(
    long budgetPence,
    int maxAwards,
    AllocationPolicy policy,
    List<Integer> rankWeights,
    Long capPence,
    List<TrancheTerm> tranches) {

  public FundTerms {
    rankWeights = rankWeights == null ? List.of() : List.copyOf(rankWeights);
    tranches = List.copyOf(tranches);
    require(budgetPence > 0, "budget must be positive");
    require(maxAwards >= 1, "maxAwards must be at least 1");
    require(policy != null, "a policy is required");
    if (policy == AllocationPolicy.RANK_WEIGHTED) {
      require(rankWeights.size() == maxAwards, "RANK_WEIGHTED needs one weight per award place");
      require(rankWeights.stream().allMatch(w -> w != null && w > 0), "weights must be positive");
    } else {
      require(rankWeights.isEmpty(), "rank weights apply to RANK_WEIGHTED only");
    }
    if (policy == AllocationPolicy.REQUESTED_CAPPED) {
      require(capPence != null && capPence > 0, "REQUESTED_CAPPED needs a positive cap");
    } else {
      require(capPence == null, "a cap applies to REQUESTED_CAPPED only");
    }
    TrancheSchedule.requireValid(tranches);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
