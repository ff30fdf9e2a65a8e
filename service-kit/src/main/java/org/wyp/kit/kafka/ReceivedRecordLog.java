package org.wyp.kit.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.wyp.events.CloudEventHeaders;

/**
 * Logs each record at DEBUG as a listener takes it up, naming the consumer group (the service). The
 * container calls it inside the listener's observation, so the line carries the trace id that the
 * record's {@code traceparent} header names: with this logger at DEBUG, the lines of every service
 * that handled the events of one request share that request's trace id.
 */
class ReceivedRecordLog implements RecordInterceptor<Object, Object> {

  private static final Logger log = LoggerFactory.getLogger(ReceivedRecordLog.class);

  @Override
  public ConsumerRecord<Object, Object> intercept(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    if (log.isDebugEnabled()) {
      log.debug(
          "{} handling {} {} from {}-{}@{}",
          consumer.groupMetadata().groupId(),
          header(record, CloudEventHeaders.TYPE),
          header(record, CloudEventHeaders.ID),
          record.topic(),
          record.partition(),
          record.offset());
    }
    return record;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? "-"
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
