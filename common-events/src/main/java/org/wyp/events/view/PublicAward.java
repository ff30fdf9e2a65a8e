package org.wyp.events.view;

import java.time.Instant;
import java.util.UUID;

/**
 * An award from a round's seed fund, as published for transparency. A revoked award is removed.
 *
 * @param status GRANTED, ACCEPTED or COMPLETED
 */
public record PublicAward(
    UUID awardId,
    UUID roundId,
    UUID problemId,
    UUID pitchId,
    String companyName,
    int rank,
    long amountPence,
    long paidPence,
    String status,
    int tranchesReleased,
    int tranches,
    Instant grantedAt)
    implements PublicView {

  @Override
  public String kind() {
    return PublicViews.AWARD;
  }

  @Override
  public UUID viewId() {
    return awardId;
  }
}
