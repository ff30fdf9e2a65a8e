package org.wyp.awardservice.award;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an award is revoked; kept with the award and published in AwardRevoked. */
record RevokeRequest(@NotBlank @Size(max = 1000) String reason) {

  static final String DEFAULT_REASON = "Revoked by the programme";
}
