package org.wyp.events.award;

import java.util.UUID;
import org.wyp.events.DomainEvent;

/** Events of an award to a winning pitch, published on {@code wyp.awards.v1} keyed by award id. */
public sealed interface AwardEvent extends DomainEvent
    permits AwardGranted, AwardAccepted, TrancheReleased, AwardCompleted, AwardRevoked {

  UUID awardId();

  UUID roundId();

  UUID submissionId();

  @Override
  default UUID aggregateId() {
    return awardId();
  }
}
