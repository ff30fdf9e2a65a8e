package org.wyp.kit.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.EventCatalog;
import org.wyp.kit.metrics.EventMetrics;

/**
 * Counts each record a listener handled successfully, after any retries; records that end in the
 * dead-letter topic are counted there instead. Boot's listener container factory picks it up.
 */
public class ConsumedEventCounter implements RecordInterceptor<Object, Object> {

  private final EventMetrics metrics;

  public ConsumedEventCounter(EventMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public ConsumerRecord<Object, Object> intercept(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    return record;
  }

  @Override
  public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    metrics.consumed(record.topic(), knownType(record));
  }

  /** Only catalogued types become labels, so a sender cannot grow the number of time series. */
  private static String knownType(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
    if (header == null || header.value() == null) {
      return EventMetrics.UNKNOWN_TYPE;
    }
    String type = new String(header.value(), StandardCharsets.UTF_8);
    return EventCatalog.byName(type).isPresent() ? type : EventMetrics.UNKNOWN_TYPE;
  }
}
