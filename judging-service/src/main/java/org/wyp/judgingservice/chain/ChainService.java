package org.wyp.judgingservice.chain;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.wyp.events.judging.JudgingEvent;
import org.wyp.kit.aggregate.ConcurrentUpdateException;
import org.wyp.kit.aggregate.OptimisticRetry;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;

/**
 * Appends to a round's chain. Every round-level decision (a score, a shortlist, a conclusion) is
 * made against the chain as it stands and appended right after its head; if another append took
 * that place meanwhile, the decision is made again against the new head. So decisions about a round
 * are serialised by the chain itself, without transactions: a stage cannot be scored after it
 * locked, and a round concludes once.
 */
@Service
public class ChainService {

  private static final int MAX_ATTEMPTS = 50;

  private final ChainEntries entries;
  private final RecentChains recent;
  private final Clock clock;

  ChainService(ChainEntries entries, Clock clock) {
    this.entries = entries;
    this.recent = new RecentChains(entries);
    this.clock = clock;
  }

  /** What a decision wants appended: the entry's content and the events it causes. */
  public record Draft(
      EntryKind kind, Document data, String factKey, List<LongFunction<JudgingEvent>> events) {}

  /** The chain as the decision saw it, and the entry appended (null when there was none to add). */
  public record Appended(RoundLedger before, ChainRecord entry) {}

  /**
   * Decides against the round's ledger and appends the outcome, retrying the decision when another
   * append got there first. The decision may throw to refuse, or return empty to append nothing.
   */
  public Appended append(UUID roundId, Function<RoundLedger, Optional<Draft>> decide) {
    try {
      return OptimisticRetry.attempt(MAX_ATTEMPTS, () -> appendOnce(roundId, decide));
    } catch (DuplicateKeyException taken) {
      throw new ConcurrentUpdateException(ChainEntries.COLLECTION, roundId.toString(), 0);
    }
  }

  /**
   * @throws DuplicateKeyException when another append took the next place first
   */
  private Appended appendOnce(UUID roundId, Function<RoundLedger, Optional<Draft>> decide) {
    RoundLedger ledger = ledger(roundId);
    Optional<Draft> draft = decide.apply(ledger);
    if (draft.isEmpty()) {
      return new Appended(ledger, null);
    }
    ChainRecord record =
        ChainRecord.seal(
            roundId,
            ledger.headSeq() + 1,
            draft.get().kind(),
            ledger.headHash(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
            draft.get().data());
    entries.append(ChainEntry.of(record, draft.get().factKey(), draft.get().events()));
    return new Appended(ledger, record);
  }

  /** Every round with a chain, which is every round whose judging has begun: few. */
  public List<UUID> rounds() {
    return entries.rounds();
  }

  public RoundLedger ledger(UUID roundId) {
    return RoundLedger.of(roundId, recent.records(roundId));
  }

  public List<ChainRecord> chain(UUID roundId) {
    return entries.records(roundId);
  }

  public ChainVerification verify(UUID roundId) {
    return ChainVerification.of(entries.records(roundId));
  }

  /**
   * The verification as the caller may see it: organisers always; anyone else once the finals are
   * concluded, when it is part of the public results. Before that the chain's length tells how
   * judging is going, so it is not found. Only the entries' kinds are read for this: a tampered
   * entry must reach the verification, not break the check.
   */
  public ChainVerification verify(Caller caller, UUID roundId) {
    List<ChainRecord> records = entries.records(roundId);
    boolean concluded = records.stream().anyMatch(r -> r.kind() == EntryKind.CONCLUSION);
    if (!caller.has(Role.ORGANISER) && !concluded) {
      throw new NotFoundException("concluded round", roundId);
    }
    return ChainVerification.of(records);
  }
}
