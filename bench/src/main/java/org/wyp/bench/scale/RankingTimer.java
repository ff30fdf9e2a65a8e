package org.wyp.bench.scale;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Times a task's runs after warm-up runs, so that what is timed is the compiled code, not the
 * interpreter. Every result, warm-up or timed, is checked after its clock stops: a task that
 * quietly did less cannot report a fast figure, and the check itself is not timed.
 */
final class RankingTimer {

  /** The median and the slowest of the timed runs, in milliseconds. */
  record Timings(double medianMs, double maxMs) {}

  private final int warmups;
  private final int runs;

  RankingTimer(int warmups, int runs) {
    this.warmups = warmups;
    this.runs = runs;
  }

  <T> Timings time(Supplier<T> task, Consumer<T> check) {
    for (int i = 0; i < warmups; i++) {
      check.accept(task.get());
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      T result = task.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
      check.accept(result);
    }
    Arrays.sort(millis);
    int middle = runs / 2;
    double median = runs % 2 == 1 ? millis[middle] : (millis[middle - 1] + millis[middle]) / 2;
    return new Timings(median, millis[runs - 1]);
  }
}
