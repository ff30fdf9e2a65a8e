package org.wyp.judgingservice.scoring;

import java.util.Arrays;
import java.util.List;

/** Mean, population standard deviation and median, each summed in the order given. */
public final class Statistics {

  private Statistics() {}

  public static double mean(List<Double> values) {
    return mean(array(values));
  }

  /** Population standard deviation: the spread of exactly these values, divided by n. */
  public static double populationSd(List<Double> values) {
    return populationSd(array(values));
  }

  /** The middle value, or the mean of the two middle values of an even count. */
  public static double median(List<Double> values) {
    return median(array(values));
  }

  // The same figures over arrays, which ranking a large round uses to spare boxing every total.

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  static double populationSd(double[] values) {
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / values.length);
  }

  /** Sorts a copy: the values stay in the order their mean is summed in. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
