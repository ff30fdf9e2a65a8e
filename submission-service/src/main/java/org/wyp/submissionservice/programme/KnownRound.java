package org.wyp.submissionservice.programme;

import java.util.List;
import java.util.UUID;

/**
 * A round as this service knows it. {@code eligiblePostcodeAreas} empty means any area; {@code
 * phase} is null while only a later event's fields are known.
 */
public record KnownRound(UUID id, RoundPhase phase, List<String> eligiblePostcodeAreas) {

  public boolean isOpen() {
    return phase == RoundPhase.OPEN;
  }

  public boolean admits(String postcodeArea) {
    return eligiblePostcodeAreas.isEmpty() || eligiblePostcodeAreas.contains(postcodeArea);
  }
}
