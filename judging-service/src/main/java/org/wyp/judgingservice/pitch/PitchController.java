package org.wyp.judgingservice.pitch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.web.PageResponse;

/** HTTP adapter for the pitches judging knows, as learned from submission events. */
@RestController
class PitchController {

  private final PitchQueries pitches;

  PitchController(PitchQueries pitches) {
    this.pitches = pitches;
  }

  record PitchView(
      UUID id,
      UUID roundId,
      UUID problemId,
      UUID smeId,
      String smeName,
      String title,
      String summary,
      long requestedPence,
      Instant submittedAt,
      boolean withdrawn) {

    static PitchView of(KnownPitch pitch) {
      return new PitchView(
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

  /** The round's pitches in submission order; {@code withdrawn} filters. */
  @GetMapping("/api/rounds/{roundId}/pitches")
  PageResponse<PitchView> inRound(
      @PathVariable UUID roundId,
      @RequestParam Optional<Boolean> withdrawn,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE)
          @Min(1)
          @Max(PageResponse.MAX_SIZE)
          int size) {
    return pitches.inRound(roundId, withdrawn.orElse(null), page, size).map(PitchView::of);
  }

  @GetMapping("/api/pitches/{pitchId}")
  PitchView get(@PathVariable UUID pitchId) {
    return pitches
        .pitch(pitchId)
        .map(PitchView::of)
        .orElseThrow(() -> new NotFoundException("pitch", pitchId));
  }
}
