package org.wyp.events.judging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * A judge has a conflict of interest with a pitch or with an SME (one of the two is set). {@code
 * detected} is true when it was found from the judge's declared affiliations rather than declared.
 */
public record ConflictDeclared(
    UUID roundId,
    UUID judgeId,
    long version,
    UUID pitchId,
    UUID smeId,
    String reason,
    boolean detected,
    Instant declaredAt)
    implements JudgingEvent {

  @Override
  @JsonIgnore
  public UUID aggregateId() {
    return judgeId;
  }
}
