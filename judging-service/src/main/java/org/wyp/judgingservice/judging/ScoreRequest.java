package org.wyp.judgingservice.judging;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A judge's scores for a pitch: one whole number per criterion key (fractions and text are refused
 * as malformed), and a comment. Keys and ranges are checked against the rubric by the service.
 */
record ScoreRequest(
    @NotEmpty @Size(max = 20) Map<@NotNull @Size(max = 40) String, @NotNull Integer> scores,
    @Size(max = 4000) String comment) {}
