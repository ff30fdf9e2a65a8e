package org.wyp.awardservice.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.wyp.awardservice.allocation.Allocation;
import org.wyp.awardservice.allocation.AllocationPolicies;
import org.wyp.awardservice.allocation.Candidate;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.allocation.PlannedTranche;
import org.wyp.awardservice.allocation.Share;
import org.wyp.awardservice.allocation.TrancheSchedule;
import org.wyp.awardservice.fund.Award;
import org.wyp.awardservice.fund.AwardStatus;
import org.wyp.awardservice.fund.AwardTranche;
import org.wyp.awardservice.fund.Fund;
import org.wyp.awardservice.fund.FundStatus;
import org.wyp.awardservice.ledger.Account;
import org.wyp.awardservice.ledger.EntryKind;
import org.wyp.awardservice.ledger.LedgerEntry;
import org.wyp.events.DomainEvent;
import org.wyp.events.award.AwardAccepted;
import org.wyp.events.award.AwardCompleted;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.AwardRevoked;
import org.wyp.events.award.FundConfigured;
import org.wyp.events.award.TrancheReleased;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.Stage;
import org.wyp.kit.aggregate.RecordedEvents;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.testing.PackagePrivate;

/**
 * A round's {@link Fund} driven command by command, beside a model of what the documented rules say
 * each command must do. Every command either succeeds with exactly the model's effects (status,
 * awards, ledger entries, events, versions) or is refused with the domain's exception for a rule it
 * breaks, and then changes nothing at all.
 */
final class FundMachine {

  static final UUID ROUND = UUID.fromString("0190f000-0000-7000-8000-0000000000f1");

  /** An SME that won nothing, and an award id no fund ever grants. */
  static final UUID STRANGER = new UUID(6, 6);

  static final UUID NO_SUCH_AWARD = new UUID(9, 9);

  private static final Instant T0 = Instant.parse("2026-06-12T15:00:00Z");
  private static final List<Account> FUND_ACCOUNTS =
      List.of(Account.FUND_AVAILABLE, Account.AWARDS_COMMITTED, Account.PAID_OUT);

  /** What the rules say one award is. */
  static final class AwardModel {
    final UUID awardId;
    final UUID smeId;
    final long amount;
    final List<Long> tranches;
    AwardStatus status = AwardStatus.GRANTED;
    int released;
    long paid;
    long version = 1;
    long returned;

    AwardModel(UUID awardId, UUID smeId, long amount, List<Long> tranches) {
      this.awardId = awardId;
      this.smeId = smeId;
      this.amount = amount;
      this.tranches = tranches;
    }
  }

  /** Everything a refused command must leave as it was. */
  record Snapshot(
      long version,
      FundStatus status,
      long budget,
      List<LedgerEntry> ledger,
      int events,
      List<List<Object>> awards) {}

  private Fund fund;
  private long ticks;

  // The model.
  private FundStatus status;
  private FundTerms terms;
  private List<Candidate> heldRanking;
  private Long heldVersion;
  private final Map<UUID, AwardModel> awards = new LinkedHashMap<>();

  boolean exists() {
    return fund != null;
  }

  FundTerms terms() {
    return terms;
  }

  /** The fund's own status, as it reports it. */
  FundStatus status() {
    return fund.status();
  }

  List<AwardModel> awards() {
    return List.copyOf(awards.values());
  }

  private Instant tick() {
    return T0.plusSeconds(ticks++);
  }

  // ---- commands ----

  void configure(FundTerms newTerms) {
    Instant now = tick();
    if (fund == null) {
      fund = (Fund) PackagePrivate.call(Fund.class, null, "configured", ROUND, newTerms, now);
      assertThat(fund.version()).isEqualTo(1);
      assertThat(events()).singleElement().isInstanceOf(FundConfigured.class);
      status = FundStatus.OPEN;
      terms = newTerms;
      return;
    }
    Snapshot before = snapshot();
    boolean locked = status == FundStatus.ALLOCATED;
    boolean same = status == FundStatus.OPEN && newTerms.equals(terms);
    boolean changed;
    try {
      changed = (boolean) PackagePrivate.call(Fund.class, fund, "configure", newTerms, now);
    } catch (ConflictException e) {
      assertThat(locked).as("refused only once allocated, got %s", e.getMessage()).isTrue();
      assertThat(e.problemType()).isEqualTo("fund-locked");
      assertUnchanged(before);
      return;
    }
    assertThat(locked).as("an allocated fund's terms never change").isFalse();
    assertThat(changed).as("the same terms again change nothing").isEqualTo(!same);
    if (!changed) {
      assertUnchanged(before);
      return;
    }
    boolean held = status == FundStatus.AWAITING_TERMS && heldRanking != null;
    terms = newTerms;
    status = FundStatus.OPEN;
    List<DomainEvent> added = eventsSince(before);
    assertThat(added.getFirst()).isInstanceOf(FundConfigured.class);
    assertThat(added.getFirst().version()).isEqualTo(before.version() + 1);
    if (held) {
      expectAllocation(before, 1);
    } else {
      assertThat(added).hasSize(1);
      assertThat(fund.version()).isEqualTo(before.version() + 1);
      assertThat(newLedgerEntries(before))
          .allSatisfy(
              e -> assertThat(e.kind()).isIn(EntryKind.BUDGET_SET, EntryKind.BUDGET_CHANGED));
    }
  }

  void conclude(List<Candidate> ranking, long judgingVersion) {
    Instant now = tick();
    Object conclusion = conclusion(ranking, judgingVersion, now);
    if (fund == null) {
      fund = (Fund) PackagePrivate.call(Fund.class, null, "holding", ROUND, conclusion, now);
      assertThat(fund.version()).isEqualTo(1);
      assertThat(events()).isEmpty();
      status = FundStatus.AWAITING_TERMS;
      heldRanking = ranking;
      heldVersion = judgingVersion;
      return;
    }
    Snapshot before = snapshot();
    boolean changed = (boolean) PackagePrivate.call(Fund.class, fund, "conclude", conclusion, now);
    switch (status) {
      case ALLOCATED -> {
        assertThat(changed).as("a fund allocates once").isFalse();
        assertUnchanged(before);
      }
      case AWAITING_TERMS -> {
        boolean newer = heldVersion == null || judgingVersion > heldVersion;
        assertThat(changed).as("only a newer conclusion replaces the held one").isEqualTo(newer);
        if (newer) {
          heldRanking = ranking;
          heldVersion = judgingVersion;
          assertThat(fund.version()).isEqualTo(before.version() + 1);
          assertThat(eventsSince(before)).isEmpty();
          assertThat(newLedgerEntries(before)).isEmpty();
        } else {
          assertUnchanged(before);
        }
      }
      case OPEN -> {
        assertThat(changed).isTrue();
        heldRanking = ranking;
        heldVersion = judgingVersion;
        expectAllocation(before, 0);
      }
    }
  }

  void accept(UUID awardId, boolean byItsSme) {
    AwardModel award = awards.get(awardId);
    UUID sme = byItsSme && award != null ? award.smeId : STRANGER;
    List<Refusal> broken = new ArrayList<>();
    if (award == null || !byItsSme) {
      broken.add(Refusal.NOT_FOUND);
    } else if (award.status != AwardStatus.GRANTED) {
      broken.add(Refusal.ILLEGAL_TRANSITION);
    }
    attempt(
        broken,
        () -> fund.accept(awardId, sme, tick()),
        before -> {
          award.status = AwardStatus.ACCEPTED;
          award.version++;
          expectAwardEvents(before, award, AwardAccepted.class);
          assertThat(newLedgerEntries(before)).isEmpty();
        });
  }

  void release(UUID awardId, int number) {
    AwardModel award = awards.get(awardId);
    List<Refusal> broken = new ArrayList<>();
    if (award == null || number < 1 || number > award.tranches.size()) {
      broken.add(Refusal.NOT_FOUND);
    } else {
      if (number <= award.released) {
        broken.add(Refusal.ALREADY_RELEASED);
      }
      if (award.status != AwardStatus.ACCEPTED) {
        broken.add(Refusal.ILLEGAL_TRANSITION);
      }
      if (number != award.released + 1) {
        broken.add(Refusal.OUT_OF_ORDER);
      }
    }
    attempt(
        broken,
        () -> fund.releaseTranche(awardId, number, tick()),
        before -> {
          long amount = award.tranches.get(number - 1);
          award.released++;
          award.paid += amount;
          award.version++;
          boolean last = award.released == award.tranches.size();
          if (last) {
            award.status = AwardStatus.COMPLETED;
            award.version++;
            expectAwardEvents(before, award, TrancheReleased.class, AwardCompleted.class);
          } else {
            expectAwardEvents(before, award, TrancheReleased.class);
          }
          TrancheReleased released = (TrancheReleased) eventsSince(before).getFirst();
          assertThat(released.trancheNumber()).isEqualTo(number);
          assertThat(released.amountPence()).isEqualTo(amount);
          assertThat(released.paidPence()).isEqualTo(award.paid);
          expectLedger(before, amount, EntryKind.TRANCHE_RELEASED);
        });
  }

  void revoke(UUID awardId) {
    AwardModel award = awards.get(awardId);
    List<Refusal> broken = new ArrayList<>();
    if (award == null) {
      broken.add(Refusal.NOT_FOUND);
    } else if (award.status != AwardStatus.GRANTED && award.status != AwardStatus.ACCEPTED) {
      broken.add(Refusal.ILLEGAL_TRANSITION);
    }
    attempt(
        broken,
        () -> fund.revoke(awardId, "Generated", tick()),
        before -> {
          award.returned = award.amount - award.paid;
          award.status = AwardStatus.REVOKED;
          award.version++;
          expectAwardEvents(before, award, AwardRevoked.class);
          AwardRevoked revoked = (AwardRevoked) eventsSince(before).getFirst();
          assertThat(revoked.returnedPence()).isEqualTo(award.returned);
          assertThat(revoked.paidPence()).isEqualTo(award.paid);
          expectLedger(before, award.returned, EntryKind.AWARD_REVOKED);
        });
  }

  // ---- invariants ----

  /**
   * Every entry moves a positive amount between two accounts; replayed in order, no fund account
   * ever goes below zero; the fund accounts hold exactly the budget; paid ≤ allocated ≤ budget.
   */
  void ledgerBalances() {
    if (fund == null) {
      return;
    }
    Map<Account, Long> running = new EnumMap<>(Account.class);
    List<LedgerEntry> entries = fund.ledger();
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry entry = entries.get(i);
      assertThat(entry.sequence()).isEqualTo(i + 1);
      assertThat(entry.amountPence()).as("entry %s", entry).isPositive();
      assertThat(entry.debit()).isNotEqualTo(entry.credit());
      running.merge(entry.debit(), entry.amountPence(), Long::sum);
      running.merge(entry.credit(), -entry.amountPence(), Long::sum);
      FUND_ACCOUNTS.forEach(
          account ->
              assertThat(running.getOrDefault(account, 0L))
                  .as("%s after entry %d", account, entry.sequence())
                  .isNotNegative());
    }
    long budget = terms == null ? 0 : terms.budgetPence();
    Map<Account, Long> balances = fund.balances();
    assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isZero();
    assertThat(FUND_ACCOUNTS.stream().mapToLong(balances::get).sum()).isEqualTo(budget);
    assertThat(balances.get(Account.SEED_FUNDING)).isEqualTo(-budget);
    assertThat(fund.budgetPence()).isEqualTo(budget);
    assertThat(fund.paidPence()).isNotNegative().isLessThanOrEqualTo(fund.allocatedPence());
    assertThat(fund.allocatedPence()).isLessThanOrEqualTo(budget);
    assertThat(fund.remainingPence()).isEqualTo(budget - fund.allocatedPence());
  }

  /** The fund's awards are the model's, tranche by tranche, and the ledger agrees with them. */
  void awardsAgreeWithTheModelAndTheLedger() {
    if (fund == null) {
      return;
    }
    assertThat(fund.status()).isEqualTo(status);
    List<Award> actual = fund.awards();
    assertThat(actual).extracting(Award::awardId).containsExactlyElementsOf(awards.keySet());
    long paid = 0;
    long granted = 0;
    long committed = 0;
    for (Award award : actual) {
      AwardModel model = awards.get(award.awardId());
      assertThat(award.status()).as("award %s", award.awardId()).isEqualTo(model.status);
      assertThat(award.version()).isEqualTo(model.version);
      assertThat(award.amountPence()).isEqualTo(model.amount);
      assertThat(award.paidPence()).isEqualTo(model.paid);
      assertThat(award.returnedPence()).isEqualTo(model.returned);
      List<AwardTranche> tranches = award.tranches();
      assertThat(tranches)
          .extracting(AwardTranche::amountPence)
          .containsExactlyElementsOf(model.tranches);
      assertThat(tranches.stream().mapToLong(AwardTranche::amountPence).sum())
          .isEqualTo(award.amountPence());
      for (int i = 0; i < tranches.size(); i++) {
        assertThat(tranches.get(i).number()).isEqualTo(i + 1);
        assertThat(tranches.get(i).released())
            .as("tranches are released in order: tranche %d", i + 1)
            .isEqualTo(i < model.released);
      }
      paid += award.paidPence();
      granted += award.amountPence() - award.returnedPence();
      if (award.status() == AwardStatus.GRANTED || award.status() == AwardStatus.ACCEPTED) {
        committed += award.amountPence() - award.paidPence();
      }
    }
    assertThat(fund.paidPence()).isEqualTo(paid);
    assertThat(fund.allocatedPence()).isEqualTo(granted);
    assertThat(fund.balances().get(Account.AWARDS_COMMITTED)).isEqualTo(committed);
  }

  // ---- expectations ----

  enum Refusal {
    NOT_FOUND(NotFoundException.class, null),
    ILLEGAL_TRANSITION(ConflictException.class, "illegal-transition"),
    ALREADY_RELEASED(ConflictException.class, "tranche-already-released"),
    OUT_OF_ORDER(ConflictException.class, "tranche-out-of-order");

    final Class<? extends RuntimeException> exception;
    final String problemType;

    Refusal(Class<? extends RuntimeException> exception, String problemType) {
      this.exception = exception;
      this.problemType = problemType;
    }

    boolean matches(RuntimeException e) {
      return exception.isInstance(e)
          && (problemType == null || problemType.equals(((ConflictException) e).problemType()));
    }
  }

  /**
   * Runs a command that the model says breaks the rules in {@code broken} (none: it must succeed,
   * with {@code effects} checking and recording what it did).
   */
  private void attempt(
      List<Refusal> broken,
      Supplier<Award> command,
      java.util.function.Consumer<Snapshot> effects) {
    Snapshot before = snapshot();
    try {
      command.get();
    } catch (NotFoundException | ConflictException e) {
      assertThat(broken)
          .as("refused with %s: %s", e.getClass().getSimpleName(), e.getMessage())
          .anyMatch(refusal -> refusal.matches(e));
      assertUnchanged(before);
      return;
    }
    if (!broken.isEmpty()) {
      fail("the command should have been refused for " + broken);
    }
    effects.accept(before);
  }

  private void expectAllocation(Snapshot before, int eventsBeforeGrants) {
    Allocation allocation = AllocationPolicies.allocate(terms, heldRanking);
    status = FundStatus.ALLOCATED;
    List<Award> granted = fund.awards();
    assertThat(granted).hasSameSizeAs(allocation.shares());
    List<DomainEvent> added = eventsSince(before);
    assertThat(added).hasSize(eventsBeforeGrants + allocation.shares().size());
    for (int i = 0; i < granted.size(); i++) {
      Share share = allocation.shares().get(i);
      Award award = granted.get(i);
      assertThat(award.submissionId()).isEqualTo(share.winner().pitchId());
      assertThat(award.smeId()).isEqualTo(share.winner().smeId());
      assertThat(award.rank()).isEqualTo(share.winner().rank());
      assertThat(award.amountPence()).isEqualTo(share.amountPence());
      assertThat(awards).doesNotContainKey(award.awardId());
      List<Long> tranches =
          TrancheSchedule.split(share.amountPence(), terms.tranches()).stream()
              .map(PlannedTranche::amountPence)
              .toList();
      awards.put(
          award.awardId(),
          new AwardModel(award.awardId(), share.winner().smeId(), share.amountPence(), tranches));
      AwardGranted event = (AwardGranted) added.get(eventsBeforeGrants + i);
      assertThat(event.awardId()).isEqualTo(award.awardId());
      assertThat(event.version()).isEqualTo(1);
      assertThat(event.amountPence()).isEqualTo(share.amountPence());
    }
    // One version per event, or one for the allocation itself when nobody won.
    long versions = eventsBeforeGrants + Math.max(1, allocation.shares().size());
    assertThat(fund.version()).isEqualTo(before.version() + versions);
    assertThat(fund.roundingRemainderPence()).isEqualTo(allocation.roundingRemainderPence());
    assertThat(fund.unallocatedPence()).isEqualTo(allocation.unallocatedPence());
    assertThat(
            newLedgerEntries(before).stream()
                .filter(e -> e.kind() == EntryKind.AWARD_GRANTED)
                .mapToLong(LedgerEntry::amountPence)
                .sum())
        .isEqualTo(allocation.allocatedPence());
  }

  /** The command recorded exactly these events for the award, ending at its new version. */
  @SafeVarargs
  private void expectAwardEvents(
      Snapshot before, AwardModel award, Class<? extends DomainEvent>... types) {
    List<DomainEvent> added = eventsSince(before);
    assertThat(added).hasSize(types.length);
    for (int i = 0; i < types.length; i++) {
      assertThat(added.get(i)).isInstanceOf(types[i]);
      assertThat(added.get(i).aggregateId()).isEqualTo(award.awardId);
      assertThat(added.get(i).version()).isEqualTo(award.version - types.length + 1 + i);
    }
    assertThat(fund.version()).isEqualTo(before.version() + types.length);
  }

  private void expectLedger(Snapshot before, long amount, EntryKind kind) {
    List<LedgerEntry> added = newLedgerEntries(before);
    if (amount == 0) {
      assertThat(added).as("nothing to move, no entry").isEmpty();
    } else {
      assertThat(added)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(kind);
                assertThat(e.amountPence()).isEqualTo(amount);
              });
    }
  }

  private void assertUnchanged(Snapshot before) {
    assertThat(snapshot()).as("a refused command changes nothing").isEqualTo(before);
  }

  private Snapshot snapshot() {
    List<List<Object>> awardStates = new ArrayList<>();
    for (Award award : fund.awards()) {
      awardStates.add(
          List.of(
              award.awardId(),
              award.status(),
              award.version(),
              award.paidPence(),
              award.returnedPence(),
              List.copyOf(award.tranches())));
    }
    return new Snapshot(
        fund.version(),
        fund.status(),
        fund.budgetPence(),
        fund.ledger(),
        events().size(),
        awardStates);
  }

  private List<DomainEvent> events() {
    return RecordedEvents.of(fund);
  }

  private List<DomainEvent> eventsSince(Snapshot before) {
    List<DomainEvent> all = events();
    return all.subList(before.events(), all.size());
  }

  private List<LedgerEntry> newLedgerEntries(Snapshot before) {
    List<LedgerEntry> all = fund.ledger();
    return all.subList(before.ledger().size(), all.size());
  }

  /** The fund's own record of a conclusion, read from the event as the listener reads it. */
  private static Object conclusion(List<Candidate> ranking, long judgingVersion, Instant now) {
    Class<?> type;
    try {
      type = Class.forName("org.wyp.awardservice.fund.Conclusion");
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
    JudgingConcluded event =
        new JudgingConcluded(
            ROUND,
            judgingVersion,
            Stage.FINALS,
            ranking.stream()
                .map(
                    c ->
                        new JudgingConcluded.RankedPitch(
                            c.pitchId(),
                            c.problemId(),
                            c.smeId(),
                            c.rank(),
                            50.0,
                            null,
                            3,
                            50.0,
                            c.requestedPence()))
                .toList(),
            "fingerprint-" + judgingVersion,
            now);
    return PackagePrivate.call(type, null, "of", new UUID(3, judgingVersion), event);
  }

  @Override
  public String toString() {
    return "FundMachine[" + status + ", terms=" + terms + ", awards=" + awards.size() + "]";
  }
}
