package org.wyp.judgingservice.scoring;

import java.time.Instant;
import java.util.UUID;

/** What a ranking needs to know about a pitch besides its scores. */
public record PitchFacts(
    UUID pitchId, UUID problemId, UUID smeId, Instant submittedAt, long requestedPence) {}
