package org.wyp.judgingservice.scoring;

import java.util.List;
import java.util.Map;

/** A judge's total for a pitch: Σ weight × score, each score scaled to 0–100 by its range. */
public final class Totals {

  private Totals() {}

  /**
   * {@code Σ w × (s − min) / (max − min) × 100}, summed in the rubric's criterion order so the same
   * scores always give the same double. With weights summing to 1 the total lies in 0–100.
   *
   * @throws IllegalArgumentException when a criterion has no score or a score is out of range
   */
  public static double total(List<Criterion> criteria, Map<String, Integer> scores) {
    double total = 0;
    for (Criterion criterion : criteria) {
      Integer score = scores.get(criterion.key());
      if (score == null) {
        throw new IllegalArgumentException("no score for criterion " + criterion.key());
      }
      if (score < criterion.min() || score > criterion.max()) {
        throw new IllegalArgumentException("score for " + criterion.key() + " is out of range");
      }
      total +=
          criterion.weight()
              * (score - criterion.min())
              / (criterion.max() - criterion.min())
              * 100.0;
    }
    return total;
  }
}
