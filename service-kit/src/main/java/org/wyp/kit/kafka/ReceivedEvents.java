package org.wyp.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.EventCodec;
import org.wyp.events.EventDecodingException;
import org.wyp.events.EventEnvelope;

/** Turns a consumed record into an event envelope. */
public final class ReceivedEvents {

  private static final Logger log = LoggerFactory.getLogger(ReceivedEvents.class);

  private ReceivedEvents() {}

  /**
   * Decodes a record in the CloudEvents binary binding.
   *
   * @return empty for an event type this version does not know, which consumers skip
   * @throws EventDecodingException for a record that can never be processed; the error handler
   *     sends it to the dead-letter topic without retrying
   */
  public static Optional<EventEnvelope> decode(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    Optional<EventEnvelope> envelope = EventCodec.decode(headers, record.value());
    if (envelope.isEmpty()) {
      log.debug(
          "skipping unknown event type {} at {}-{}@{}",
          headers.get(CloudEventHeaders.TYPE),
          record.topic(),
          record.partition(),
          record.offset());
    }
    return envelope;
  }
}
