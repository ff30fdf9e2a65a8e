package org.wyp.judgingservice.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The chains of the rounds judged lately, kept in memory so that a decision does not read its
 * round's whole chain again: every score is decided against the chain, and the finals board is
 * recomputed from it after each one. A chain only grows, and an entry never changes once stored, so
 * what was read stays true; each read checks that the remembered head is still stored under its
 * hash, then reads only the entries appended since, one by one by their place. Anything unexpected
 * (the head gone or different, a long run of new entries) reads the whole chain again.
 *
 * <p>Only decisions and rankings read through this; the chain endpoints and its verification read
 * the stored entries every time, so a tampered entry is always found.
 */
final class RecentChains {

  /** Rounds judged at once are few; beyond this the least recently read is forgotten. */
  private static final int ROUNDS = 64;

  /** More new entries than this since the last read: one query for the whole chain is cheaper. */
  private static final int MAX_STEPS = 16;

  private final ChainEntries entries;
  private final Map<UUID, List<ChainRecord>> chains =
      new LinkedHashMap<>(ROUNDS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, List<ChainRecord>> eldest) {
          return size() > ROUNDS;
        }
      };

  RecentChains(ChainEntries entries) {
    this.entries = entries;
  }

  /** The round's entries in order, as stored now. */
  List<ChainRecord> records(UUID roundId) {
    List<ChainRecord> known;
    synchronized (chains) {
      known = chains.get(roundId);
    }
    List<ChainRecord> current =
        Optional.ofNullable(known)
            .flatMap(k -> extended(roundId, k))
            .orElseGet(() -> entries.records(roundId));
    if (!current.isEmpty()) {
      synchronized (chains) {
        List<ChainRecord> latest = chains.get(roundId);
        // Concurrent reads may finish in any order: keep the longest chain read.
        if (latest == null || latest.size() < current.size()) {
          chains.put(roundId, current);
        }
      }
    }
    return current;
  }

  /** The remembered chain with the entries appended since, or empty to read it whole. */
  private Optional<List<ChainRecord>> extended(UUID roundId, List<ChainRecord> known) {
    ChainRecord head = known.getLast();
    boolean headUnchanged =
        entries.record(roundId, head.seq()).filter(r -> r.hash().equals(head.hash())).isPresent();
    if (!headUnchanged) {
      return Optional.empty();
    }
    List<ChainRecord> appended = new ArrayList<>();
    for (int step = 0; step <= MAX_STEPS; step++) {
      Optional<ChainRecord> next = entries.record(roundId, head.seq() + 1 + step);
      if (next.isEmpty()) {
        if (appended.isEmpty()) {
          return Optional.of(known);
        }
        List<ChainRecord> all = new ArrayList<>(known.size() + appended.size());
        all.addAll(known);
        all.addAll(appended);
        return Optional.of(List.copyOf(all));
      }
      appended.add(next.get());
    }
    return Optional.empty();
  }
}
