package org.wyp.bench.board;

import java.time.Duration;
import java.util.Locale;
import org.wyp.bench.report.Measurement;

/** How fast part of the data set went in: context for the query figures, not a promise. */
record LoadRate(String what, long items, String unit, Duration took) {

  double perSecond() {
    return items / Math.max(1e-9, took.toNanos() / 1e9);
  }

  Measurement measurement(String benchmark) {
    return Measurement.of(benchmark, what, perSecond(), unit + "/s");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %,d %s in %.1f s (%,.0f/s)",
        what,
        items,
        unit,
        took.toNanos() / 1e9,
        perSecond());
  }
}
