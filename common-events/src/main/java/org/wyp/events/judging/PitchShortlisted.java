package org.wyp.events.judging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** The pitch goes to the finals. A pitch shares its id with the submission it judges. */
public record PitchShortlisted(
    UUID roundId, UUID pitchId, long version, int screeningRank, Instant decidedAt)
    implements JudgingEvent {

  @Override
  @JsonIgnore
  public UUID aggregateId() {
    return pitchId;
  }
}
