package org.wyp.awardservice.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wyp.awardservice.fund.Award;
import org.wyp.awardservice.fund.AwardStatus;
import org.wyp.awardservice.fund.AwardTranche;

/**
 * An award as the API shows it; {@code version} is the award's own, as in its events. Its readers
 * are organisers and the awarded SME, and both see all of it: nothing here is internal to the
 * programme, and an SME whose award was revoked is told why ({@code revokeReason}), as the
 * AwardRevoked event tells the other services. The public sees the narrower public award view on
 * the public board instead.
 */
record AwardView(
    UUID id,
    UUID roundId,
    UUID submissionId,
    UUID problemId,
    UUID smeId,
    int rank,
    long amountPence,
    long paidPence,
    long returnedPence,
    AwardStatus status,
    List<TrancheView> tranches,
    long version,
    Instant grantedAt,
    Instant acceptedAt,
    Instant completedAt,
    Instant revokedAt,
    String revokeReason) {

  record TrancheView(
      int number,
      String label,
      int percent,
      long amountPence,
      boolean released,
      Instant releasedAt) {

    static TrancheView of(AwardTranche tranche) {
      return new TrancheView(
          tranche.number(),
          tranche.label(),
          tranche.percent(),
          tranche.amountPence(),
          tranche.released(),
          tranche.releasedAt());
    }
  }

  static AwardView of(Award award) {
    return new AwardView(
        award.awardId(),
        award.roundId(),
        award.submissionId(),
        award.problemId(),
        award.smeId(),
        award.rank(),
        award.amountPence(),
        award.paidPence(),
        award.returnedPence(),
        award.status(),
        award.tranches().stream().map(TrancheView::of).toList(),
        award.version(),
        award.grantedAt(),
        award.acceptedAt(),
        award.completedAt(),
        award.revokedAt(),
        award.revokeReason());
  }
}
