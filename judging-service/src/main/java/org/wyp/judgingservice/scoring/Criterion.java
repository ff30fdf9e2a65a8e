package org.wyp.judgingservice.scoring;

/** One rubric criterion as the maths needs it: its weight and its whole-number score range. */
public record Criterion(String key, double weight, int min, int max) {

  public Criterion {
    if (min >= max) {
      throw new IllegalArgumentException("criterion " + key + ": min must be below max");
    }
  }
}
