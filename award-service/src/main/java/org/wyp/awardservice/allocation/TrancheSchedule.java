package org.wyp.awardservice.allocation;

import java.util.ArrayList;
import java.util.List;

/** Splits an award into its tranches in whole pence. */
public final class TrancheSchedule {

  private TrancheSchedule() {}

  /**
   * Each tranche gets its percentage of the award, floored to whole pence; the last takes the
   * rounding remainder, so the tranches always sum exactly to the award.
   */
  public static List<PlannedTranche> split(long amountPence, List<TrancheTerm> terms) {
    requireValid(terms);
    if (amountPence < 0) {
      throw new IllegalArgumentException("an award cannot be negative");
    }
    List<PlannedTranche> tranches = new ArrayList<>();
    long planned = 0;
    for (int i = 0; i < terms.size(); i++) {
      TrancheTerm term = terms.get(i);
      boolean last = i == terms.size() - 1;
      long amount =
          last ? amountPence - planned : Math.multiplyExact(amountPence, term.percent()) / 100;
      planned += amount;
      tranches.add(new PlannedTranche(i + 1, term.label(), term.percent(), amount));
    }
    return List.copyOf(tranches);
  }

  static void requireValid(List<TrancheTerm> terms) {
    if (terms == null || terms.isEmpty()) {
      throw new IllegalArgumentException("a schedule needs at least one tranche");
    }
    int sum = 0;
    for (TrancheTerm term : terms) {
      if (term.percent() <= 0) {
        throw new IllegalArgumentException("tranche percentages must be positive");
      }
      if (term.label() == null || term.label().isBlank()) {
        throw new IllegalArgumentException("tranche labels must not be blank");
      }
      sum += term.percent();
    }
    if (sum != 100) {
      throw new IllegalArgumentException("tranche percentages must sum to 100, not " + sum);
    }
  }
}
