package org.wyp.kit.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Gauges whose values need a database query: a background thread runs the queries every {@code
 * interval} and a scrape only reads the last values, so scrapes never touch MongoDB however often
 * Prometheus comes. A label set that no longer occurs is dropped on the next refresh.
 */
public class RefreshedGauges implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RefreshedGauges.class);

  private final MeterRegistry registry;
  private final Duration interval;
  private final List<Refreshed> gauges = new CopyOnWriteArrayList<>();
  private volatile ScheduledExecutorService executor;

  public RefreshedGauges(MeterRegistry registry, Duration interval) {
    this.registry = registry;
    this.interval = interval;
  }

  /**
   * Adds a gauge with one time series per label set that {@code values} returns.
   *
   * @param values runs on the refresh thread; it may query the database
   */
  public void add(String name, String description, Supplier<Map<Tags, ? extends Number>> values) {
    MultiGauge gauge = MultiGauge.builder(name).description(description).register(registry);
    gauges.add(new Refreshed(name, gauge, values));
  }

  /** Runs every query now, on the caller's thread. */
  public void refreshAll() {
    for (Refreshed gauge : gauges) {
      try {
        gauge.refresh();
      } catch (RuntimeException e) {
        // The database may be down: the gauge keeps its last values until the next refresh works.
        log.warn("refreshing gauge {} failed, will retry: {}", gauge.name(), e.toString());
      }
    }
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "gauge-refresh");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::refreshAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  private record Refreshed(
      String name, MultiGauge gauge, Supplier<Map<Tags, ? extends Number>> values) {

    void refresh() {
      List<MultiGauge.Row<?>> rows =
          values.get().entrySet().stream()
              .<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(row.getKey(), row.getValue()))
              .toList();
      gauge.register(rows, true);
    }
  }
}
