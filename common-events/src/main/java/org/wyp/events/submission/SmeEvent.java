package org.wyp.events.submission;

import java.util.UUID;
import org.wyp.events.DomainEvent;

/** Events of a registered SME, published on {@code wyp.submissions.v1} keyed by SME id. */
public sealed interface SmeEvent extends DomainEvent permits SmeRegistered {

  UUID smeId();

  @Override
  default UUID aggregateId() {
    return smeId();
  }
}
