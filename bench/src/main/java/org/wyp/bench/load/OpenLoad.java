package org.wyp.bench.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: requests arrive at a fixed rate whatever the server does, as users' requests
 * do. Each latency is measured from when its request was due, not from when it was sent, so a
 * stalled server or a late generator shows in the figures instead of silently thinning the load
 * (coordinated omission).
 */
public final class OpenLoad {

  /** Beyond this many unanswered requests the server is not keeping up: they count as failed. */
  private static final int MAX_IN_FLIGHT = 5_000;

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private OpenLoad() {}

  public static LoadResult run(
      String name, double perSecond, Duration duration, int expectedStatus, Call call)
      throws InterruptedException {
    long requests = Math.round(perSecond * duration.toNanos() / 1e9);
    double intervalNanos = 1e9 / perSecond;
    Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    AtomicLong succeeded = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    CountDownLatch answered = new CountDownLatch((int) requests);
    long start = System.nanoTime();
    for (long i = 0; i < requests; i++) {
      long due = start + Math.round(i * intervalNanos);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        failed.incrementAndGet();
        answered.countDown();
        continue;
      }
      inFlight.incrementAndGet();
      call.send(i)
          .whenComplete(
              (status, error) -> {
                long now = System.nanoTime();
                latency.recordValue(Math.max(0, (now - due) / 1000));
                (error == null && status == expectedStatus ? succeeded : failed).incrementAndGet();
                lastAnswer.accumulateAndGet(now, Math::max);
                inFlight.decrementAndGet();
                answered.countDown();
              });
    }
    if (!answered.await(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      failed.addAndGet(answered.getCount());
    }
    long end = Math.max(lastAnswer.get(), start + duration.toNanos());
    return new LoadResult(
        name, succeeded.get(), failed.get(), Duration.ofNanos(end - start), latency);
  }
}
