package org.wyp.bench.report;

import java.util.Optional;

/**
 * One figure a benchmark measured, with what it is compared against: a baseline measured in the
 * same run on the same machine (so that runs on different machines compare by their ratios), and
 * the target the platform promises.
 *
 * @param benchmark the benchmark's name, e.g. {@code ingest}
 * @param what what was measured, e.g. {@code POST /api/submissions p99 at 150/s}
 * @param value the figure, in {@code unit}
 * @param unit e.g. {@code ms}, {@code req/s}, {@code MB}
 * @param baseline the figure it is compared with, in the same unit, if any
 * @param target the promise it is checked against, if any
 */
public record Measurement(
    String benchmark,
    String what,
    double value,
    String unit,
    Optional<Baseline> baseline,
    Optional<Target> target) {

  /** A figure with neither a baseline nor a target: context for the others. */
  public static Measurement of(String benchmark, String what, double value, String unit) {
    return new Measurement(benchmark, what, value, unit, Optional.empty(), Optional.empty());
  }

  public Measurement against(Baseline baseline) {
    return new Measurement(benchmark, what, value, unit, Optional.of(baseline), target);
  }

  public Measurement target(Target target) {
    return new Measurement(benchmark, what, value, unit, baseline, Optional.of(target));
  }

  /** The figure divided by its baseline's, when there is a baseline. */
  public Optional<Double> ratio() {
    return baseline.filter(b -> b.value() != 0).map(b -> value / b.value());
  }

  /** Whether the target is met; empty when there is no target or it needs a missing baseline. */
  public Optional<Boolean> meetsTarget() {
    return target.flatMap(t -> t.metBy(this));
  }
}
