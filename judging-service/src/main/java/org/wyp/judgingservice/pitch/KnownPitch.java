package org.wyp.judgingservice.pitch;

import java.time.Instant;
import java.util.UUID;
import org.wyp.judgingservice.scoring.PitchFacts;

/**
 * A pitch as judging knows it from submission events; it shares its id with the submission. {@code
 * submittedAt} and {@code title} are null while only a later event has arrived.
 */
public record KnownPitch(
    UUID id,
    UUID roundId,
    UUID problemId,
    UUID smeId,
    String smeName,
    String smeCompanyNumber,
    String title,
    String summary,
    long requestedPence,
    Instant submittedAt,
    boolean withdrawn,
    long contentVersion) {

  /** Judgeable once its SubmissionReceived is known, until it is withdrawn. */
  public boolean live() {
    return !withdrawn && submittedAt != null;
  }

  public PitchFacts facts() {
    return new PitchFacts(id, problemId, smeId, submittedAt, requestedPence);
  }
}
