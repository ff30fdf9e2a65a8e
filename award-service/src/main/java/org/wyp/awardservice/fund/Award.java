package org.wyp.awardservice.fund;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.wyp.awardservice.allocation.PlannedTranche;
import org.wyp.awardservice.allocation.Share;
import org.wyp.events.award.AwardAccepted;
import org.wyp.events.award.AwardCompleted;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.AwardRevoked;
import org.wyp.events.award.TrancheReleased;
import org.wyp.events.view.PublicAward;
import org.wyp.events.view.PublicViewChange;
import org.wyp.events.view.PublicViews;

/**
 * An award to a winning pitch. It lives inside its round's {@link Fund}, so that it changes only
 * together with the fund's ledger, but keeps its own version: the version its events carry, which
 * consumers order an award's events by.
 */
public class Award {

  private String awardId;
  private long version;
  private String roundId;
  private String submissionId;
  private String problemId;
  private String smeId;
  private int rank;
  private long amountPence;
  private long paidPence;
  private AwardStatus status;
  private List<AwardTranche> tranches;
  private Instant grantedAt;
  private Instant acceptedAt;
  private Instant completedAt;
  private Instant revokedAt;
  private String revokeReason;
  private long returnedPence;

  protected Award() {}

  static Award grant(
      UUID awardId, UUID roundId, Share share, List<PlannedTranche> plan, Instant now) {
    Award award = new Award();
    award.awardId = awardId.toString();
    award.roundId = roundId.toString();
    award.submissionId = share.winner().pitchId().toString();
    award.problemId = share.winner().problemId().toString();
    award.smeId = share.winner().smeId().toString();
    award.rank = share.winner().rank();
    award.amountPence = share.amountPence();
    award.status = AwardStatus.GRANTED;
    award.tranches =
        plan.stream()
            .map(t -> new AwardTranche(t.number(), t.label(), t.percent(), t.amountPence(), null))
            .toList();
    award.grantedAt = now;
    award.version = 1;
    return award;
  }

  AwardGranted granted() {
    return new AwardGranted(
        awardId(),
        version,
        roundId(),
        submissionId(),
        problemId(),
        smeId(),
        rank,
        amountPence,
        tranches.stream()
            .map(t -> new AwardGranted.Tranche(t.number(), t.label(), t.percent(), t.amountPence()))
            .toList(),
        grantedAt);
  }

  AwardAccepted accept(Instant now) {
    status = AwardStatus.ACCEPTED;
    acceptedAt = now;
    version++;
    return new AwardAccepted(awardId(), version, roundId(), submissionId(), now);
  }

  TrancheReleased release(AwardTranche tranche, Instant now) {
    List<AwardTranche> updated = new ArrayList<>(tranches);
    updated.set(tranche.number() - 1, tranche.releasedAt(now));
    tranches = List.copyOf(updated);
    paidPence += tranche.amountPence();
    version++;
    return new TrancheReleased(
        awardId(),
        version,
        roundId(),
        submissionId(),
        tranche.number(),
        tranche.label(),
        tranche.amountPence(),
        paidPence,
        now);
  }

  AwardCompleted complete(Instant now) {
    status = AwardStatus.COMPLETED;
    completedAt = now;
    version++;
    return new AwardCompleted(awardId(), version, roundId(), submissionId(), paidPence, now);
  }

  AwardRevoked revoke(String reason, Instant now) {
    returnedPence = amountPence - paidPence;
    status = AwardStatus.REVOKED;
    revokedAt = now;
    revokeReason = reason;
    version++;
    return new AwardRevoked(
        awardId(), version, roundId(), submissionId(), paidPence, returnedPence, reason, now);
  }

  boolean fullyPaid() {
    return tranches.stream().allMatch(AwardTranche::released);
  }

  public UUID awardId() {
    return UUID.fromString(awardId);
  }

  public long version() {
    return version;
  }

  public UUID roundId() {
    return UUID.fromString(roundId);
  }

  public UUID submissionId() {
    return UUID.fromString(submissionId);
  }

  public UUID problemId() {
    return UUID.fromString(problemId);
  }

  public UUID smeId() {
    return UUID.fromString(smeId);
  }

  public int rank() {
    return rank;
  }

  public long amountPence() {
    return amountPence;
  }

  public long paidPence() {
    return paidPence;
  }

  public long returnedPence() {
    return returnedPence;
  }

  public AwardStatus status() {
    return status;
  }

  public List<AwardTranche> tranches() {
    return tranches;
  }

  public Instant grantedAt() {
    return grantedAt;
  }

  public Instant acceptedAt() {
    return acceptedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String revokeReason() {
    return revokeReason;
  }

  /** What the public sees of the award, naming the company as far as this service knows it. */
  PublicViewChange publicView(String companyName) {
    if (status == AwardStatus.REVOKED) {
      return PublicViewChange.removal(PublicViews.AWARD, awardId());
    }
    int released = (int) tranches.stream().filter(AwardTranche::released).count();
    return PublicViewChange.of(
        new PublicAward(
            awardId(),
            roundId(),
            problemId(),
            submissionId(),
            companyName,
            rank,
            amountPence,
            paidPence,
            status.name(),
            released,
            tranches.size(),
            grantedAt));
  }
}
