package org.wyp.events.round;

import java.util.UUID;
import org.wyp.events.DomainEvent;

/** Events of a programme round, published on {@code wyp.rounds.v1} keyed by round id. */
public sealed interface RoundEvent extends DomainEvent
    permits RoundAnnounced, RoundOpened, RoundSubmissionsClosed, RoundArchived {

  UUID roundId();

  @Override
  default UUID aggregateId() {
    return roundId();
  }
}
