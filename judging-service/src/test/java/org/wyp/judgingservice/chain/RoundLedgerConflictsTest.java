package org.wyp.judgingservice.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.judgingservice.chain.ChainTest.ROUND;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wyp.judgingservice.chain.ChainTest.ChainBuilder;

/**
 * The ledger's conflict lookup, which is indexed rather than scanned: a conflict with the pitch or
 * with its SME covers a score, and when both do the one recorded first is the one reported.
 */
class RoundLedgerConflictsTest {

  private static final UUID JUDGE = UUID.fromString("0190f000-0000-7000-8000-0000000000c1");
  private static final UUID OTHER_JUDGE = UUID.fromString("0190f000-0000-7000-8000-0000000000c2");
  private static final UUID PITCH = UUID.fromString("0190f000-0000-7000-8000-0000000000d1");
  private static final UUID SME = UUID.fromString("0190f000-0000-7000-8000-0000000000e1");
  private static final UUID OTHER_SME = UUID.fromString("0190f000-0000-7000-8000-0000000000e2");

  @Test
  void theFirstConflictRecordedCoversTheScoreWhetherWithThePitchOrItsSme() {
    ChainBuilder smeFirst = new ChainBuilder();
    smeFirst.add(EntryKind.CONFLICT, EntryData.conflict(JUDGE, null, SME, "Advises them", false));
    smeFirst.add(EntryKind.CONFLICT, EntryData.conflict(JUDGE, PITCH, null, "Co-wrote it", false));
    smeFirst.add(EntryKind.CONFLICT, EntryData.conflict(JUDGE, PITCH, null, "Again", true));
    RoundLedger bySme = RoundLedger.of(ROUND, smeFirst.records());

    assertThat(bySme.conflict(JUDGE, PITCH, SME))
        .map(ConflictRecord::reason)
        .hasValue("Advises them");
    assertThat(bySme.conflict(JUDGE, PITCH, OTHER_SME))
        .map(ConflictRecord::reason)
        .hasValue("Co-wrote it");
    assertThat(bySme.conflict(JUDGE, PITCH, null))
        .map(ConflictRecord::reason)
        .hasValue("Co-wrote it");
    assertThat(bySme.conflict(JUDGE, UUID.randomUUID(), SME)).map(ConflictRecord::seq).hasValue(1L);
    assertThat(bySme.conflict(OTHER_JUDGE, PITCH, SME)).isEmpty();
    assertThat(bySme.conflict(JUDGE, UUID.randomUUID(), OTHER_SME)).isEmpty();

    ChainBuilder pitchFirst = new ChainBuilder();
    pitchFirst.add(
        EntryKind.CONFLICT, EntryData.conflict(JUDGE, PITCH, null, "Co-wrote it", false));
    pitchFirst.add(EntryKind.CONFLICT, EntryData.conflict(JUDGE, null, SME, "Advises them", false));
    RoundLedger byPitch = RoundLedger.of(ROUND, pitchFirst.records());

    assertThat(byPitch.conflict(JUDGE, PITCH, SME))
        .map(ConflictRecord::reason)
        .hasValue("Co-wrote it");
    assertThat(byPitch.hasConflictRecorded(JUDGE, null, SME)).isTrue();
    assertThat(byPitch.hasConflictRecorded(JUDGE, PITCH, SME)).isFalse();
    assertThat(byPitch.conflicts()).extracting(ConflictRecord::seq).containsExactly(1L, 2L);
  }

  @Test
  void aRoundWithoutConflictsHasNoneForAnyone() {
    RoundLedger ledger = RoundLedger.of(ROUND, ChainTest.sampleChain());

    assertThat(ledger.conflict(JUDGE, PITCH, SME)).isEmpty();
    assertThat(ledger.conflicts()).isEmpty();
  }
}
