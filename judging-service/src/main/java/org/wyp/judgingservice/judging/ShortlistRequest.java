package org.wyp.judgingservice.judging;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The top {@code size} pitches, or an explicit list; neither means the rubric's size. */
record ShortlistRequest(
    @Min(1) @Max(1000) Integer size, @Size(min = 1, max = 1000) List<@NotNull UUID> pitchIds) {

  @AssertTrue(message = "give either size or pitchIds, not both")
  boolean isSizeOrPitchIds() {
    return size == null || pitchIds == null;
  }
}
