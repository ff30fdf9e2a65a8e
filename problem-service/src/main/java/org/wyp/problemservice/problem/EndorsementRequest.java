package org.wyp.problemservice.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "We have this too", from another organisation. */
record EndorsementRequest(
    @NotBlank @Size(max = 200) String organisation, @Size(max = 1000) String note) {}
