package org.wyp.judgingservice.chain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one fold of a chain would otherwise read many times over. A large round repeats each pitch's
 * facts in every score of it and has a handful of judges behind tens of thousands of scores: the
 * {@code submittedAt} parse was the dearest part of reading a chain back, and one shared id per
 * judge keeps ranking's many comparisons of judge ids in cache. Same text, same value: only the
 * work changes.
 */
final class FoldMemo {

  private final Map<String, Instant> instants = new HashMap<>();
  private final Map<UUID, UUID> judges = new HashMap<>();

  /** As {@link Instant#parse}, which still throws for text that does not parse. */
  Instant instant(String text) {
    return instants.computeIfAbsent(text, Instant::parse);
  }

  /** The first equal id this fold met. */
  UUID judge(UUID judgeId) {
    return judges.computeIfAbsent(judgeId, id -> id);
  }
}
