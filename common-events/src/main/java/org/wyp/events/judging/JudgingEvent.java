package org.wyp.events.judging;

import java.util.UUID;
import org.wyp.events.DomainEvent;

/**
 * Events of a round's judging, published on {@code wyp.judging.v1}. They are keyed by round id so
 * that a round's shortlist, scores and conclusion reach consumers in the order they happened.
 */
public sealed interface JudgingEvent extends DomainEvent
    permits PitchShortlisted,
        PitchNotShortlisted,
        PitchScored,
        PitchScoreRevised,
        ConflictDeclared,
        JudgingConcluded {

  UUID roundId();

  @Override
  default String partitionKey() {
    return roundId().toString();
  }
}
