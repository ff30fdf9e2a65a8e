package org.wyp.bench.load;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What a load achieved: how many requests got the expected answer, over how long, and their
 * latencies in microseconds.
 *
 * @param failed requests answered with another status, or not at all
 */
public record LoadResult(
    String name, long succeeded, long failed, Duration elapsed, Histogram latencyMicros) {

  /** Requests answered as expected per second. */
  public double throughput() {
    return succeeded / (elapsed.toNanos() / 1e9);
  }

  /** The latency at a percentile (e.g. 99.9), in milliseconds. */
  public double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  @Override
  public String toString() {
    return String.format(
        "%s: %d ok, %d failed in %.1f s (%.0f/s); p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms",
        name,
        succeeded,
        failed,
        elapsed.toNanos() / 1e9,
        throughput(),
        percentileMillis(50),
        percentileMillis(99),
        percentileMillis(99.9));
  }
}
