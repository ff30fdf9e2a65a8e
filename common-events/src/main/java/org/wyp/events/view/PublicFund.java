package org.wyp.events.view;

import java.util.UUID;

/**
 * A round's seed fund: where its money is. {@code budgetPence = allocatedPence + remainingPence};
 * allocated includes what was paid.
 *
 * @param status OPEN (configured, judging not concluded) or ALLOCATED (awards granted)
 * @param policy EQUAL_SPLIT, RANK_WEIGHTED or REQUESTED_CAPPED
 */
public record PublicFund(
    UUID roundId,
    String status,
    long budgetPence,
    long allocatedPence,
    long paidPence,
    long remainingPence,
    int maxAwards,
    int awards,
    String policy)
    implements PublicView {

  @Override
  public String kind() {
    return PublicViews.FUND;
  }

  @Override
  public UUID viewId() {
    return roundId;
  }
}
