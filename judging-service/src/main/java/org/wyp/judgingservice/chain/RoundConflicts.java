package org.wyp.judgingservice.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A round's conflicts in chain order, indexed by judge and pitch and by judge and SME. Ranking asks
 * for every score whether a conflict covers it; scanning every conflict for each one made a large
 * round's ranking slow in proportion to its conflicts.
 */
final class RoundConflicts {

  private record Pair(UUID judgeId, UUID otherId) {}

  private final List<ConflictRecord> inOrder = new ArrayList<>();
  // Each pair's first conflict, by its place in inOrder.
  private final Map<Pair, Integer> firstWithPitch = new HashMap<>();
  private final Map<Pair, Integer> firstWithSme = new HashMap<>();

  void add(ConflictRecord conflict) {
    int place = inOrder.size();
    inOrder.add(conflict);
    if (conflict.pitchId() != null) {
      firstWithPitch.putIfAbsent(new Pair(conflict.judgeId(), conflict.pitchId()), place);
    }
    if (conflict.smeId() != null) {
      firstWithSme.putIfAbsent(new Pair(conflict.judgeId(), conflict.smeId()), place);
    }
  }

  List<ConflictRecord> all() {
    return List.copyOf(inOrder);
  }

  /**
   * The first conflict in chain order that {@linkplain ConflictRecord#covers covers} the judge's
   * score of the pitch: one with the pitch or one with its SME, whichever was recorded first.
   */
  Optional<ConflictRecord> covering(UUID judgeId, UUID pitchId, UUID smeId) {
    if (inOrder.isEmpty()) {
      return Optional.empty(); // most rounds: no pair to build and hash for every score
    }
    Integer withPitch = firstWithPitch.get(new Pair(judgeId, pitchId));
    Integer withSme = smeId == null ? null : firstWithSme.get(new Pair(judgeId, smeId));
    if (withPitch == null && withSme == null) {
      return Optional.empty();
    }
    int first =
        withPitch == null ? withSme : withSme == null ? withPitch : Math.min(withPitch, withSme);
    return Optional.of(inOrder.get(first));
  }

  /** Whether this very conflict (judge, pitch or SME) is recorded already. */
  boolean recorded(UUID judgeId, UUID pitchId, UUID smeId) {
    return inOrder.stream()
        .anyMatch(
            c ->
                c.judgeId().equals(judgeId)
                    && Objects.equals(c.pitchId(), pitchId)
                    && Objects.equals(c.smeId(), smeId));
  }
}
