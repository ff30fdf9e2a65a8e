package org.wyp.events.award;

import java.util.UUID;
import org.wyp.events.DomainEvent;

/** Events of a round's seed fund, published on {@code wyp.awards.v1} keyed by round id. */
public sealed interface FundEvent extends DomainEvent permits FundConfigured {

  UUID roundId();

  @Override
  default UUID aggregateId() {
    return roundId();
  }
}
