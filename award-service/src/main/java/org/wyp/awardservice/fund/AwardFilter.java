package org.wyp.awardservice.fund;

import java.util.Optional;
import java.util.UUID;

/** What an award list asks for; every part is optional. */
public record AwardFilter(
    Optional<UUID> roundId, Optional<UUID> smeId, Optional<AwardStatus> status) {

  /** The same filter narrowed to one SME's awards. */
  public AwardFilter ofSme(UUID sme) {
    return new AwardFilter(roundId, Optional.of(sme), status);
  }
}
