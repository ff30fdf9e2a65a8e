package org.wyp.problemservice.problem;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * "We have this too", from another organisation: the caller's, which {@code organisation} may
 * repeat but not contradict.
 */
record EndorsementRequest(
    @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String organisation,
    @Size(max = 1000) String note) {}
