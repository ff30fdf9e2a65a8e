package org.wyp.bench.board;

import java.util.List;
import org.wyp.bench.load.LoadResult;
import org.wyp.bench.report.Baseline;
import org.wyp.bench.report.Measurement;
import org.wyp.bench.report.Target;

/**
 * A query's median and p99 beside the same service's liveness probe under the same load, and how
 * many of its requests went unanswered: a server too slow for the load leaves requests behind, and
 * those are missing from the percentiles.
 */
final class LatencyFigures {

  /** What a page of the board may take at the 99th percentile, in milliseconds. */
  static final double P99_TARGET_MILLIS = 100;

  private static final String BASELINE = "liveness probe";

  private LatencyFigures() {}

  /**
   * @param query the request, e.g. {@code GET /api/views?kind=problem}
   * @param conditions the load and the data, e.g. {@code random pages at 100/s, 1,000 problems}
   */
  static List<Measurement> of(
      String benchmark, String query, String conditions, LoadResult result, LoadResult liveness) {
    return List.of(
        Measurement.of(
                benchmark, query + " p50 (" + conditions + ")", result.percentileMillis(50), "ms")
            .against(new Baseline(BASELINE, liveness.percentileMillis(50))),
        Measurement.of(
                benchmark, query + " p99 (" + conditions + ")", result.percentileMillis(99), "ms")
            .against(new Baseline(BASELINE, liveness.percentileMillis(99)))
            .target(Target.below(P99_TARGET_MILLIS)),
        Measurement.of(
                benchmark, query + " not answered (" + conditions + ")", result.failed(), "req")
            .target(Target.below(1)));
  }
}
