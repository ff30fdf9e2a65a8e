package org.wyp.events.judging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A judge revised its score before the stage locked; {@code revision} counts from 1. */
public record PitchScoreRevised(
    UUID roundId,
    UUID pitchId,
    long version,
    Stage stage,
    UUID judgeId,
    int revision,
    Map<String, Integer> scores,
    double total,
    String comment,
    Instant revisedAt)
    implements JudgingEvent {

  @Override
  @JsonIgnore
  public UUID aggregateId() {
    return pitchId;
  }
}
