package org.wyp.events.submission;

import java.util.UUID;
import org.wyp.events.DomainEvent;

/** Events of a solution pitch, published on {@code wyp.submissions.v1} keyed by submission id. */
public sealed interface SubmissionEvent extends DomainEvent
    permits SubmissionReceived, SubmissionAmended, SubmissionWithdrawn {

  UUID submissionId();

  UUID roundId();

  UUID problemId();

  UUID smeId();

  @Override
  default UUID aggregateId() {
    return submissionId();
  }
}
