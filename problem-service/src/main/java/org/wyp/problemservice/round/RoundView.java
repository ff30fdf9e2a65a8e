package org.wyp.problemservice.round;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A round as the API shows it. */
record RoundView(
    UUID id,
    String name,
    String description,
    Instant opensAt,
    Instant closesAt,
    Instant finalsAt,
    List<String> eligiblePostcodeAreas,
    RoundStatus status,
    long version,
    Instant announcedAt,
    Instant updatedAt) {

  static RoundView of(Round round) {
    RoundSchedule schedule = round.schedule();
    return new RoundView(
        round.roundId().value(),
        round.name(),
        round.description(),
        schedule.opensAt(),
        schedule.closesAt(),
        schedule.finalsAt(),
        round.eligiblePostcodeAreas(),
        round.status(),
        round.version(),
        round.announcedAt(),
        round.updatedAt());
  }
}
