package org.wyp.judgingservice.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Spreads pitches over judges. Pure.
 *
 * <p>Each pitch in turn (in the order given) gets judges until it has {@code perPitch}, always
 * taking the judges with the fewest pitches so far (ties: the panel's order). Taking the least
 * loaded keeps every judge's load within one of every other's: before a pitch, loads are L or L+1;
 * the pitch takes the L-loaded first, so after it they are again two neighbouring values. A
 * conflicted judge is never given the pitch, so with conflicts the spread is as even as they allow.
 *
 * <p>Re-planning keeps the judges a pitch already has (they may have started reading) unless they
 * left the panel or became conflicted, and tops up only pitches below {@code perPitch}: that is how
 * a conflict leads to reassignment while the quorum can still be met.
 */
public final class AssignmentPlanner {

  private AssignmentPlanner() {}

  /** Pitch id to its judges; a pitch with fewer than {@code perPitch} could not be covered. */
  public static Map<UUID, List<UUID>> plan(
      Map<UUID, List<UUID>> existing,
      List<UUID> judges,
      List<UUID> pitches,
      int perPitch,
      BiPredicate<UUID, UUID> conflicted) {
    Map<UUID, Integer> loads = new HashMap<>();
    judges.forEach(j -> loads.put(j, 0));
    Map<UUID, List<UUID>> plan = new LinkedHashMap<>();
    for (UUID pitch : pitches) {
      List<UUID> kept = new ArrayList<>();
      for (UUID judge : existing.getOrDefault(pitch, List.of())) {
        if (loads.containsKey(judge) && !conflicted.test(judge, pitch) && !kept.contains(judge)) {
          kept.add(judge);
          loads.merge(judge, 1, Integer::sum);
        }
      }
      plan.put(pitch, kept);
    }
    Comparator<UUID> leastLoaded =
        Comparator.<UUID>comparingInt(loads::get).thenComparingInt(judges::indexOf);
    for (UUID pitch : pitches) {
      List<UUID> assigned = plan.get(pitch);
      List<UUID> candidates =
          judges.stream()
              .filter(j -> !assigned.contains(j) && !conflicted.test(j, pitch))
              .sorted(leastLoaded)
              .toList();
      for (UUID judge : candidates) {
        if (assigned.size() >= perPitch) {
          break;
        }
        assigned.add(judge);
        loads.merge(judge, 1, Integer::sum);
      }
      plan.put(pitch, List.copyOf(assigned));
    }
    return plan;
  }
}
