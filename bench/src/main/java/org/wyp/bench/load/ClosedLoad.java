package org.wyp.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A saturating load: a fixed number of clients each send their next request as soon as the last one
 * is answered. What they achieve together is the server's sustainable rate; their latencies are not
 * what users would see (the load waits for the server), so only the rate is used.
 */
public final class ClosedLoad {

  private ClosedLoad() {}

  /**
   * Runs {@code clients} clients for {@code warmUp}, then counts what they achieve over {@code
   * duration}.
   */
  public static LoadResult run(
      String name, int clients, Duration warmUp, Duration duration, int expectedStatus, Call call)
      throws InterruptedException {
    AtomicLong index = new AtomicLong();
    AtomicLong succeeded = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long measureUntil = measureFrom + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (System.nanoTime() < measureUntil) {
                      long sent = System.nanoTime();
                      Integer status;
                      try {
                        status = call.send(index.getAndIncrement()).get();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      } catch (Exception e) {
                        status = null;
                      }
                      long answered = System.nanoTime();
                      if (sent >= measureFrom && answered <= measureUntil) {
                        latency.recordValue((answered - sent) / 1000);
                        (status != null && status == expectedStatus ? succeeded : failed)
                            .incrementAndGet();
                      }
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new LoadResult(name, succeeded.get(), failed.get(), duration, latency);
  }
}
