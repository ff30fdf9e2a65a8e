package org.wyp.judgingservice.judge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wyp.events.judging.ConflictDeclared;
import org.wyp.judgingservice.chain.ChainRecord;
import org.wyp.judgingservice.chain.ChainService;
import org.wyp.judgingservice.chain.EntryData;
import org.wyp.judgingservice.chain.EntryKind;

/**
 * Records conflicts in a round's chain, each with its ConflictDeclared in the same write. The chain
 * is where rankings learn which scores to leave out. Recording the same conflict again adds
 * nothing.
 */
@Component
public class ConflictLog {

  private final ChainService chain;
  private final Clock clock;

  ConflictLog(ChainService chain, Clock clock) {
    this.chain = chain;
    this.clock = clock;
  }

  /**
   * @return the entry appended, or empty when the round's chain holds this conflict already
   */
  public Optional<ChainRecord> record(
      UUID roundId, UUID judgeId, UUID pitchId, UUID smeId, String reason, boolean detected) {
    Instant now = clock.instant();
    return Optional.ofNullable(
        chain
            .append(
                roundId,
                ledger ->
                    ledger.hasConflictRecorded(judgeId, pitchId, smeId)
                        ? Optional.empty()
                        : Optional.of(
                            new ChainService.Draft(
                                EntryKind.CONFLICT,
                                EntryData.conflict(judgeId, pitchId, smeId, reason, detected),
                                null,
                                List.of(
                                    seq ->
                                        new ConflictDeclared(
                                            roundId, judgeId, seq, pitchId, smeId, reason, detected,
                                            now)))))
            .entry());
  }
}
