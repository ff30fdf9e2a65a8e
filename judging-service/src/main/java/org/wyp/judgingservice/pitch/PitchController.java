package org.wyp.judgingservice.pitch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.security.Caller;
import org.wyp.kit.web.PageResponse;

/** HTTP adapter for the pitches judging knows, as learned from submission events. */
@RestController
class PitchController {

  private final PitchQueries pitches;

  PitchController(PitchQueries pitches) {
    this.pitches = pitches;
  }

  /** The round's pitches the caller may see, in submission order; {@code withdrawn} filters. */
  @GetMapping("/api/rounds/{roundId}/pitches")
  PageResponse<PitchView> inRound(
      @PathVariable UUID roundId,
      @RequestParam Optional<Boolean> withdrawn,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE)
          @Min(1)
          @Max(PageResponse.MAX_SIZE)
          int size,
      Caller caller) {
    return pitches.inRound(caller, roundId, withdrawn.orElse(null), page, size);
  }

  @GetMapping("/api/pitches/{pitchId}")
  PitchView get(@PathVariable UUID pitchId, Caller caller) {
    return pitches.pitch(caller, pitchId);
  }
}
