package org.wyp.awardservice.fund;

import java.util.UUID;
import org.wyp.awardservice.allocation.Candidate;

/** One pitch of a held conclusion's ranking, as stored (ids as text, like every document here). */
record RankedEntry(
    String pitchId, String problemId, String smeId, Integer rank, long requestedPence) {

  Candidate candidate() {
    return new Candidate(
        UUID.fromString(pitchId),
        UUID.fromString(problemId),
        UUID.fromString(smeId),
        rank,
        requestedPence);
  }
}
