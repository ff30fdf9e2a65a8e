package org.wyp.judgingservice.chain;

import java.util.UUID;

/** A judge's conflict with a pitch or with an SME (exactly one of the two is set). */
public record ConflictRecord(
    long seq, UUID judgeId, UUID pitchId, UUID smeId, String reason, boolean detected) {

  public boolean covers(UUID judge, UUID pitch, UUID sme) {
    return judgeId.equals(judge) && (pitch.equals(pitchId) || (smeId != null && smeId.equals(sme)));
  }
}
