package org.wyp.awardservice.fund;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.wyp.awardservice.allocation.Allocation;
import org.wyp.awardservice.allocation.AllocationPolicies;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.allocation.Share;
import org.wyp.awardservice.allocation.TrancheSchedule;
import org.wyp.awardservice.allocation.TrancheTerm;
import org.wyp.awardservice.ledger.Account;
import org.wyp.awardservice.ledger.EntryKind;
import org.wyp.awardservice.ledger.Ledger;
import org.wyp.awardservice.ledger.LedgerEntry;
import org.wyp.events.award.AllocationPolicy;
import org.wyp.events.award.FundConfigured;
import org.wyp.events.view.PublicFund;
import org.wyp.kit.aggregate.AggregateRoot;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.NotFoundException;

/**
 * A round's seed fund: its terms, the judging conclusion it allocates from, the awards it granted
 * and its double-entry ledger, all in one document. Every grant, release and revocation therefore
 * changes awards, ledger and balances in one atomic write, and two concurrent changes to a round's
 * money collide on the fund's version instead of both succeeding. A round has few awards, so the
 * document stays small.
 */
@Document(Funds.COLLECTION)
public class Fund extends AggregateRoot {

  /**
   * A round's awards share this one document, so unrelated commands (two SMEs accepting at once)
   * collide on its version; a save is decided again this many times before it is refused.
   */
  public static final int SAVE_ATTEMPTS = 8;

  @Id private String id;
  private FundStatus status;
  private long budgetPence;
  private int maxAwards;
  private AllocationPolicy policy;
  private List<Integer> rankWeights;
  private Long capPence;
  private List<TrancheTerm> tranches;
  private Conclusion conclusion;
  private long roundingRemainderPence;
  private long unallocatedPence;
  private List<Award> awards = new ArrayList<>();
  private Ledger ledger = new Ledger();
  private Instant configuredAt;
  private Instant allocatedAt;
  private Instant updatedAt;

  protected Fund() {}

  /** A fund configured before its round's judging concluded. */
  static Fund configured(UUID roundId, FundTerms terms, Instant now) {
    Fund fund = new Fund();
    fund.id = roundId.toString();
    fund.status = FundStatus.AWAITING_TERMS;
    fund.configure(terms, now);
    return fund;
  }

  /** A round whose judging concluded before its fund was configured: the conclusion waits here. */
  static Fund holding(UUID roundId, Conclusion conclusion, Instant now) {
    Fund fund = new Fund();
    fund.id = roundId.toString();
    fund.status = FundStatus.AWAITING_TERMS;
    fund.conclusion = conclusion;
    fund.updatedAt = now;
    fund.nextVersion();
    return fund;
  }

  /**
   * Sets or changes the terms, while judging has not concluded; a held conclusion is then allocated
   * at once. The same terms again change nothing.
   *
   * @return whether anything changed
   */
  boolean configure(FundTerms terms, Instant now) {
    if (status == FundStatus.ALLOCATED) {
      throw new ConflictException(
          "fund-locked",
          "Judging for round %s has concluded and the fund was allocated; it can no longer change"
              .formatted(id));
    }
    if (status == FundStatus.OPEN && terms.equals(terms())) {
      return false;
    }
    adjustBudget(terms.budgetPence(), now);
    budgetPence = terms.budgetPence();
    maxAwards = terms.maxAwards();
    policy = terms.policy();
    rankWeights = terms.rankWeights();
    capPence = terms.capPence();
    tranches = terms.tranches();
    configuredAt = configuredAt == null ? now : configuredAt;
    updatedAt = now;
    boolean held = status == FundStatus.AWAITING_TERMS && conclusion != null;
    status = FundStatus.OPEN;
    recordChange(
        version ->
            new FundConfigured(
                roundId(),
                version,
                budgetPence,
                maxAwards,
                policy,
                rankWeights,
                capPence,
                tranches.stream()
                    .map(t -> new FundConfigured.TrancheShare(t.label(), t.percent()))
                    .toList(),
                now));
    if (held) {
      allocate(now);
    }
    return true;
  }

  /**
   * Takes judging's conclusion: allocates from it when the fund is configured, holds it when not. A
   * fund allocates once, so a conclusion delivered again (or a late duplicate) changes nothing.
   *
   * @return whether anything changed
   */
  boolean conclude(Conclusion concluded, Instant now) {
    switch (status) {
      case ALLOCATED -> {
        return false;
      }
      case AWAITING_TERMS -> {
        if (conclusion != null && conclusion.judgingVersion() >= concluded.judgingVersion()) {
          return false;
        }
        conclusion = concluded;
        updatedAt = now;
        nextVersion();
        return true;
      }
      case OPEN -> {
        conclusion = concluded;
        allocate(now);
        return true;
      }
    }
    throw new IllegalStateException("unknown fund status " + status);
  }

  /**
   * Grants an award per winner the policy picks, each debiting the available fund in the ledger
   * (which refuses any overdraft) and each recording its AwardGranted in this same write.
   */
  private void allocate(Instant now) {
    Allocation allocation = AllocationPolicies.allocate(terms(), conclusion.candidates());
    for (Share share : allocation.shares()) {
      UUID awardId = awardIdFor(roundId(), share.winner().pitchId());
      Award award =
          Award.grant(
              awardId, roundId(), share, TrancheSchedule.split(share.amountPence(), tranches), now);
      ledger.post(
          EntryKind.AWARD_GRANTED,
          Account.FUND_AVAILABLE,
          Account.AWARDS_COMMITTED,
          share.amountPence(),
          awardId.toString(),
          null,
          now);
      awards.add(award);
      recordChange(fundVersion -> award.granted());
    }
    roundingRemainderPence = allocation.roundingRemainderPence();
    unallocatedPence = allocation.unallocatedPence();
    status = FundStatus.ALLOCATED;
    allocatedAt = now;
    updatedAt = now;
    if (allocation.shares().isEmpty()) {
      // Nothing to publish, but the fund is now fixed: store that.
      nextVersion();
    }
  }

  /**
   * The awarded SME accepts its award. Another SME's award is not found, exactly as if it did not
   * exist, so that no SME learns of awards not its own.
   */
  public Award accept(UUID awardId, UUID acceptingSmeId, Instant now) {
    Award award = award(awardId);
    if (!award.smeId().equals(acceptingSmeId)) {
      throw new NotFoundException("award", awardId);
    }
    requireStatus(award, AwardStatus.GRANTED, "be accepted");
    recordChange(fundVersion -> award.accept(now));
    updatedAt = now;
    return award;
  }

  /**
   * Pays tranche {@code number}: the award must be accepted and the tranches are paid in order.
   * Paying the last completes the award, in the same write.
   */
  public Award releaseTranche(UUID awardId, int number, Instant now) {
    Award award = award(awardId);
    if (number < 1 || number > award.tranches().size()) {
      throw new NotFoundException("tranche", awardId + "/tranches/" + number);
    }
    AwardTranche tranche = award.tranches().get(number - 1);
    if (tranche.released()) {
      throw new ConflictException(
          "tranche-already-released",
          "Tranche %d of award %s was already released at %s"
              .formatted(number, awardId, tranche.releasedAt()));
    }
    requireStatus(award, AwardStatus.ACCEPTED, "have a tranche released");
    Optional<AwardTranche> next = award.tranches().stream().filter(t -> !t.released()).findFirst();
    if (next.isPresent() && next.get().number() != number) {
      throw new ConflictException(
          "tranche-out-of-order",
          "Tranches of award %s are released in order; the next is tranche %d"
              .formatted(awardId, next.get().number()));
    }
    if (tranche.amountPence() > 0) {
      ledger.post(
          EntryKind.TRANCHE_RELEASED,
          Account.AWARDS_COMMITTED,
          Account.PAID_OUT,
          tranche.amountPence(),
          awardId.toString(),
          number,
          now);
    }
    recordChange(fundVersion -> award.release(tranche, now));
    if (award.fullyPaid()) {
      recordChange(fundVersion -> award.complete(now));
    }
    updatedAt = now;
    return award;
  }

  /** Revokes an award not yet completed; what was not paid returns to the available fund. */
  public Award revoke(UUID awardId, String reason, Instant now) {
    Award award = award(awardId);
    if (award.status() != AwardStatus.GRANTED && award.status() != AwardStatus.ACCEPTED) {
      throw new ConflictException(
          "illegal-transition",
          "Award %s is %s and cannot be revoked".formatted(awardId, award.status()));
    }
    long unpaid = award.amountPence() - award.paidPence();
    if (unpaid > 0) {
      ledger.post(
          EntryKind.AWARD_REVOKED,
          Account.AWARDS_COMMITTED,
          Account.FUND_AVAILABLE,
          unpaid,
          awardId.toString(),
          null,
          now);
    }
    recordChange(fundVersion -> award.revoke(reason, now));
    updatedAt = now;
    return award;
  }

  /**
   * The same round and pitch always give the same award id, so that however often a conclusion is
   * processed, a pitch can only ever have one award.
   */
  static UUID awardIdFor(UUID roundId, UUID pitchId) {
    return UUID.nameUUIDFromBytes(
        ("award:" + roundId + ":" + pitchId).getBytes(StandardCharsets.UTF_8));
  }

  /** Moves budget between the seed funding and the available fund; only before any award. */
  private void adjustBudget(long newBudget, Instant now) {
    long change = newBudget - budgetPence;
    if (change > 0) {
      ledger.post(
          budgetPence == 0 ? EntryKind.BUDGET_SET : EntryKind.BUDGET_CHANGED,
          Account.SEED_FUNDING,
          Account.FUND_AVAILABLE,
          change,
          null,
          null,
          now);
    } else if (change < 0) {
      ledger.post(
          EntryKind.BUDGET_CHANGED,
          Account.FUND_AVAILABLE,
          Account.SEED_FUNDING,
          -change,
          null,
          null,
          now);
    }
  }

  private Award award(UUID awardId) {
    return awards.stream()
        .filter(award -> award.awardId().equals(awardId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("award", awardId));
  }

  private static void requireStatus(Award award, AwardStatus required, String action) {
    if (award.status() != required) {
      throw new ConflictException(
          "illegal-transition",
          "Award %s is %s and cannot %s (it must be %s)"
              .formatted(award.awardId(), award.status(), action, required));
    }
  }

  public UUID roundId() {
    return UUID.fromString(id);
  }

  public FundStatus status() {
    return status;
  }

  public boolean isConfigured() {
    return status != FundStatus.AWAITING_TERMS;
  }

  public FundTerms terms() {
    return new FundTerms(budgetPence, maxAwards, policy, rankWeights, capPence, tranches);
  }

  public long budgetPence() {
    return budgetPence;
  }

  public long roundingRemainderPence() {
    return roundingRemainderPence;
  }

  public long unallocatedPence() {
    return unallocatedPence;
  }

  public List<Award> awards() {
    return List.copyOf(awards);
  }

  public Optional<Award> findAward(UUID awardId) {
    return awards.stream().filter(award -> award.awardId().equals(awardId)).findFirst();
  }

  public List<LedgerEntry> ledger() {
    return ledger.entries();
  }

  public Map<Account, Long> balances() {
    return ledger.balances();
  }

  /** Granted and not returned: what is committed to awards plus what was paid. */
  public long allocatedPence() {
    return ledger.balance(Account.AWARDS_COMMITTED) + ledger.balance(Account.PAID_OUT);
  }

  public long paidPence() {
    return ledger.balance(Account.PAID_OUT);
  }

  public long remainingPence() {
    return ledger.balance(Account.FUND_AVAILABLE);
  }

  public Optional<Instant> concludedAt() {
    return Optional.ofNullable(conclusion).map(Conclusion::concludedAt);
  }

  public Optional<String> scoresFingerprint() {
    return Optional.ofNullable(conclusion).map(Conclusion::scoresFingerprint);
  }

  public Optional<String> allocatedFromEventId() {
    return status == FundStatus.ALLOCATED
        ? Optional.ofNullable(conclusion).map(Conclusion::eventId)
        : Optional.empty();
  }

  public Instant configuredAt() {
    return configuredAt;
  }

  public Instant allocatedAt() {
    return allocatedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The fund's public figures, once it has terms; revoked awards no longer count. */
  Optional<PublicFund> publicView() {
    if (!isConfigured()) {
      return Optional.empty();
    }
    int live = (int) awards.stream().filter(a -> a.status() != AwardStatus.REVOKED).count();
    return Optional.of(
        new PublicFund(
            roundId(),
            status.name(),
            budgetPence,
            allocatedPence(),
            paidPence(),
            remainingPence(),
            maxAwards,
            live,
            policy.name()));
  }
}
