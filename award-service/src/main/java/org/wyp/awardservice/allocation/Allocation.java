package org.wyp.awardservice.allocation;

import java.util.List;

/**
 * The outcome of a policy: the winners' shares in rank order and what stays in the fund. The
 * shares, {@code roundingRemainderPence} and {@code unallocatedPence} always add up to the budget.
 *
 * @param roundingRemainderPence pence left over because shares are floored to whole pence
 * @param unallocatedPence the rest of the budget nobody won (too few winners, caps, no winners)
 */
public record Allocation(List<Share> shares, long roundingRemainderPence, long unallocatedPence) {

  public Allocation {
    shares = List.copyOf(shares);
  }

  public long allocatedPence() {
    return shares.stream().mapToLong(Share::amountPence).sum();
  }
}
