package org.wyp.submissionservice.programme;

import java.util.UUID;

/** A published problem as this service knows it. */
public record KnownProblem(UUID id, UUID roundId, ProblemAvailability availability, String title) {

  public boolean takesPitches() {
    return availability == ProblemAvailability.PUBLISHED;
  }
}
