package org.wyp.events.judging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A judge scored a pitch for the first time in a stage. {@code total} is the weighted total scaled
 * to 0–100. Individual scores stay on this internal topic and never reach public views.
 */
public record PitchScored(
    UUID roundId,
    UUID pitchId,
    long version,
    Stage stage,
    UUID judgeId,
    Map<String, Integer> scores,
    double total,
    String comment,
    Instant scoredAt)
    implements JudgingEvent {

  @Override
  @JsonIgnore
  public UUID aggregateId() {
    return pitchId;
  }
}
