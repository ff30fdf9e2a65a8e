package org.wyp.awardservice.fund;

import java.time.Instant;

/** One planned payment of an award and, once signed off, when it was paid. */
public record AwardTranche(
    int number, String label, int percent, long amountPence, Instant releasedAt) {

  public boolean released() {
    return releasedAt != null;
  }

  AwardTranche releasedAt(Instant at) {
    return new AwardTranche(number, label, percent, amountPence, at);
  }
}
