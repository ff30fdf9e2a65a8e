package org.wyp.problemservice.round;

import java.time.Instant;
import org.wyp.kit.domain.RuleViolationException;

/** When a round opens for submissions, closes them, and holds its finals, in that order. */
public record RoundSchedule(Instant opensAt, Instant closesAt, Instant finalsAt) {

  public RoundSchedule {
    if (!opensAt.isBefore(closesAt)) {
      throw new RuleViolationException("schedule-out-of-order", "closesAt must be after opensAt");
    }
    if (finalsAt.isBefore(closesAt)) {
      throw new RuleViolationException(
          "schedule-out-of-order", "finalsAt must not be before closesAt");
    }
  }
}
