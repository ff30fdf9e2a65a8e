package org.wyp.events.judging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** The pitch does not go to the finals; {@code screeningRank} is null when it was unranked. */
public record PitchNotShortlisted(
    UUID roundId, UUID pitchId, long version, Integer screeningRank, Instant decidedAt)
    implements JudgingEvent {

  @Override
  @JsonIgnore
  public UUID aggregateId() {
    return pitchId;
  }
}
