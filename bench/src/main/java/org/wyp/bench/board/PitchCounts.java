package org.wyp.bench.board;

import java.util.Random;

/**
 * Splits a number of pitches over the problems the way interest spreads on a real board: a few
 * problems draw many pitches, most draw a handful, and the counts add up to the total exactly.
 */
final class PitchCounts {

  /** How steeply interest falls from the most popular problem to the least (Zipf exponent). */
  private static final double SKEW = 0.8;

  private PitchCounts() {}

  static long[] split(long total, int problems, Random random) {
    if (problems < 1) {
      throw new IllegalArgumentException("no problems to split " + total + " pitches over");
    }
    double[] weights = new double[problems];
    double sum = 0;
    for (int rank = 0; rank < problems; rank++) {
      weights[rank] = 1 / Math.pow(rank + 1, SKEW);
      sum += weights[rank];
    }
    long[] counts = new long[problems];
    long assigned = 0;
    for (int rank = 0; rank < problems; rank++) {
      counts[rank] = (long) Math.floor(total * weights[rank] / sum);
      assigned += counts[rank];
    }
    // Flooring leaves fewer than one pitch per problem over: one more each from the top.
    for (int rank = 0; assigned < total; rank = (rank + 1) % problems) {
      counts[rank]++;
      assigned++;
    }
    // Popularity has nothing to do with when a problem was published.
    for (int i = problems - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = counts[i];
      counts[i] = counts[j];
      counts[j] = swap;
    }
    return counts;
  }
}
