package org.wyp.events.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A round's seed fund was configured (or reconfigured before judging concluded). Money in pence;
 * {@code capPence} applies to REQUESTED_CAPPED and is null otherwise.
 */
public record FundConfigured(
    UUID roundId,
    long version,
    long budgetPence,
    int maxAwards,
    AllocationPolicy policy,
    List<Integer> rankWeights,
    Long capPence,
    List<TrancheShare> tranches,
    Instant configuredAt)
    implements FundEvent {

  /** One step of the payment schedule; the percentages of a fund sum to 100. */
  public record TrancheShare(String label, int percent) {}
}
