package org.wyp.bench.report;

import java.util.Locale;
import java.util.Optional;

/**
 * A promise a figure is checked against: a bound on the figure itself ({@code p99 < 50 ms}) or on
 * its ratio to the baseline ({@code >= 0.5 x the trivial endpoint}).
 */
public record Target(Bound bound, double limit, boolean onRatio) {

  /** Which side of the limit a figure must be on. */
  public enum Bound {
    BELOW,
    AT_LEAST
  }

  public static Target below(double limit) {
    return new Target(Bound.BELOW, limit, false);
  }

  public static Target atLeast(double limit) {
    return new Target(Bound.AT_LEAST, limit, false);
  }

  public static Target ratioAtLeast(double limit) {
    return new Target(Bound.AT_LEAST, limit, true);
  }

  Optional<Boolean> metBy(Measurement measurement) {
    Optional<Double> checked = onRatio ? measurement.ratio() : Optional.of(measurement.value());
    return checked.map(value -> bound == Bound.BELOW ? value < limit : value >= limit);
  }

  /** As printed beside the figure, e.g. {@code < 50 ms} or {@code >= 0.50 x base}. */
  public String describe(String unit) {
    String sign = bound == Bound.BELOW ? "< " : ">= ";
    return onRatio
        ? sign + String.format(Locale.ROOT, "%.2f", limit) + " x base"
        : sign + Numbers.format(limit) + " " + unit;
  }
}
