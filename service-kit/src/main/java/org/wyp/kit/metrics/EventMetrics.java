package org.wyp.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The event counters every service has. Labels stay bounded: topics and CloudEvents types come from
 * the event catalogue, and a type this version does not know is counted as {@code unknown}.
 */
public final class EventMetrics {

  public static final String PUBLISHED = "wyp.events.published";
  public static final String CONSUMED = "wyp.events.consumed";
  public static final String DEAD_LETTERED = "wyp.events.dead.lettered";
  public static final String UNKNOWN_TYPE = "unknown";

  private final MeterRegistry registry;

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** An event the broker acknowledged. */
  public void published(String topic, String type) {
    Counter.builder(PUBLISHED)
        .description("Events published from the outbox and acknowledged by the broker")
        .tag("topic", topic)
        .tag("type", type)
        .register(registry)
        .increment();
  }

  /** A record a listener handled without failing. */
  public void consumed(String topic, String type) {
    Counter.builder(CONSUMED)
        .description("Records handled successfully by this service's listeners")
        .tag("topic", topic)
        .tag("type", type)
        .register(registry)
        .increment();
  }

  /** A record published to the dead-letter topic of {@code topic}, its source topic. */
  public void deadLettered(String topic) {
    Counter.builder(DEAD_LETTERED)
        .description("Records sent to their dead-letter topic, by the topic they came from")
        .tag("topic", topic)
        .register(registry)
        .increment();
  }
}
