package org.wyp.bench.board;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.wyp.bench.load.Call;
import org.wyp.bench.load.LoadResult;

/**
 * One client sending its next request when the last is answered, for queries too slow to put under
 * an open load: at a fixed rate their backlog would grow without bound and the figures would
 * measure the queue, not the query. Each latency is the request's own, from send to answer.
 */
final class OneClient {

  /** Fewer answers than this give no median worth printing, however long each one takes. */
  private static final int MIN_QUERIES = 5;

  private OneClient() {}

  /**
   * Sends until {@code maxQueries} are answered or {@code duration} has passed, if sooner, but
   * never fewer than {@link #MIN_QUERIES} (or {@code maxQueries}, if fewer).
   */
  static LoadResult run(
      String name, int maxQueries, Duration duration, int expectedStatus, Call call)
      throws InterruptedException {
    Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    long succeeded = 0;
    long failed = 0;
    long begin = System.nanoTime();
    long until = begin + duration.toNanos();
    for (int i = 0; i < maxQueries; i++) {
      if (i >= Math.min(MIN_QUERIES, maxQueries) && System.nanoTime() > until) {
        break;
      }
      long sent = System.nanoTime();
      try {
        if (call.send(i).get() == expectedStatus) {
          succeeded++;
        } else {
          failed++;
        }
      } catch (ExecutionException e) {
        // The call keeps the reason; a failure is counted here and reported by its caller.
        failed++;
      }
      latency.recordValue((System.nanoTime() - sent) / 1000);
    }
    return new LoadResult(
        name, succeeded, failed, Duration.ofNanos(System.nanoTime() - begin), latency);
  }
}
