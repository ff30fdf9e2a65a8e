package org.wyp.judgingservice.scoring;

import java.util.Arrays;
import java.util.List;

/** Mean, population standard deviation and median, each summed in the order given. */
public final class Statistics {

  private Statistics() {}

  public static double mean(List<Double> values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.size();
  }

  /** Population standard deviation: the spread of exactly these values, divided by n. */
  public static double populationSd(List<Double> values) {
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / values.size());
  }

  /** The middle value, or the mean of the two middle values of an even count. */
  public static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
