package org.wyp.awardservice.allocation;

import java.util.UUID;

/**
 * A ranked pitch that may win a share of a fund. {@code rank} is null for a pitch judging left
 * unranked (below quorum); such a pitch never wins.
 */
public record Candidate(
    UUID pitchId, UUID problemId, UUID smeId, Integer rank, long requestedPence) {}
