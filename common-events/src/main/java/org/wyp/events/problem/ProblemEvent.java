package org.wyp.events.problem;

import java.util.UUID;
import org.wyp.events.DomainEvent;

/** Events of a problem statement, published on {@code wyp.problems.v1} keyed by problem id. */
public sealed interface ProblemEvent extends DomainEvent
    permits ProblemPublished, ProblemUpdated, ProblemEndorsed, ProblemClosed, ProblemWithdrawn {

  UUID problemId();

  @Override
  default UUID aggregateId() {
    return problemId();
  }
}
