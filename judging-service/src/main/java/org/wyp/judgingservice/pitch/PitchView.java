package org.wyp.judgingservice.pitch;

import java.time.Instant;
import java.util.UUID;

/**
 * A pitch as the API shows it, shaped for its audience: organisers and judges who may know whose it
 * is see it {@link Identified}; a screening judge of a blind round sees it {@link Blind}, without
 * the SME's identity. Which one a caller gets is {@link PitchQueries}'s decision.
 */
sealed interface PitchView {

  record Identified(
      UUID id,
      UUID roundId,
      UUID problemId,
      UUID smeId,
      String smeName,
      String title,
      String summary,
      long requestedPence,
      Instant submittedAt,
      boolean withdrawn)
      implements PitchView {

    static Identified of(KnownPitch pitch) {
      return new Identified(
          pitch.id(),
          pitch.roundId(),
          pitch.problemId(),
          pitch.smeId(),
          pitch.smeName(),
          pitch.title(),
          pitch.summary(),
          pitch.requestedPence(),
          pitch.submittedAt(),
          pitch.withdrawn());
    }
  }

  /** No SME id, company name or number: only what screening the idea needs. */
  record Blind(
      UUID id,
      UUID roundId,
      UUID problemId,
      String title,
      String summary,
      long requestedPence,
      Instant submittedAt,
      boolean withdrawn)
      implements PitchView {

    static Blind of(KnownPitch pitch) {
      return new Blind(
          pitch.id(),
          pitch.roundId(),
          pitch.problemId(),
          pitch.title(),
          pitch.summary(),
          pitch.requestedPence(),
          pitch.submittedAt(),
          pitch.withdrawn());
    }
  }
}
