package org.wyp.bench.scale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wyp.judgingservice.chain.ChainRecord;
import org.wyp.judgingservice.chain.EntryKind;

/**
 * A round's chain appended to as {@code ChainService} appends: the next seq, the head's hash as
 * {@code prevHash}, a millisecond UTC time, and the entry sealed by {@link ChainRecord#seal}. The
 * clock is fixed, so the same entries always give the same hashes.
 */
final class RankingChain {

  /** About the pace of a month-long screening with 50,000 scores. */
  private static final long SECONDS_BETWEEN_ENTRIES = 50;

  private final UUID roundId;
  private final Instant opened;
  private final List<ChainRecord> records = new ArrayList<>();

  RankingChain(UUID roundId, Instant opened) {
    this.roundId = roundId;
    this.opened = opened;
  }

  void append(EntryKind kind, Map<String, Object> data) {
    long seq = records.size() + 1;
    String prevHash = records.isEmpty() ? ChainRecord.GENESIS : records.getLast().hash();
    String recordedAt = opened.plusSeconds(seq * SECONDS_BETWEEN_ENTRIES).toString();
    records.add(ChainRecord.seal(roundId, seq, kind, prevHash, recordedAt, data));
  }

  List<ChainRecord> records() {
    return List.copyOf(records);
  }
}
