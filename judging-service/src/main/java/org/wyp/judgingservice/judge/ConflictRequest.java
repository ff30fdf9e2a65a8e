package org.wyp.judgingservice.judge;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A declared conflict with one pitch, or with an SME (all its pitches). */
record ConflictRequest(UUID pitchId, UUID smeId, @NotBlank @Size(max = 1000) String reason) {

  @AssertTrue(message = "give exactly one of pitchId and smeId")
  boolean isPitchIdOrSmeId() {
    return (pitchId == null) != (smeId == null);
  }
}
