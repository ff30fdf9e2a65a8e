package org.wyp.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.EventCodec;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.Uuids;
import org.wyp.events.view.PublicViewChange;
import org.wyp.kit.tracing.CurrentTrace;

/**
 * An event waiting in an aggregate document's outbox, stored with everything needed to publish it
 * later without the aggregate: topic, key, CloudEvents attributes, the JSON body as text, and the
 * W3C {@code traceparent} of the trace it was caused in (absent when there was none).
 */
public final class PendingEvent {

  static final String ID = "id";
  private static final String TOPIC = "topic";
  private static final String KEY = "key";
  private static final String TYPE = "type";
  private static final String SOURCE = "source";
  private static final String SUBJECT = "subject";
  static final String TIME = "time";
  private static final String PAYLOAD = "payload";
  private static final String TRACEPARENT = "traceparent";

  private PendingEvent() {}

  public static Document toDocument(EventEnvelope envelope) {
    return toDocument(envelope, null);
  }

  /**
   * @param traceparent the W3C trace context the event was caused in, or null for none
   */
  public static Document toDocument(EventEnvelope envelope, String traceparent) {
    Document pending =
        new Document(ID, envelope.id().toString())
            .append(TOPIC, envelope.topic())
            .append(KEY, envelope.key())
            .append(TYPE, envelope.type())
            .append(SOURCE, envelope.source())
            .append(SUBJECT, envelope.subject())
            .append(TIME, envelope.time().toString())
            .append(PAYLOAD, EventCodec.toJsonString(envelope.data()));
    if (traceparent != null) {
      pending.append(TRACEPARENT, traceparent);
    }
    return pending;
  }

  /**
   * A public view waiting to be published on {@link Topics#UPDATES}: its JSON, or no payload for a
   * removal, which is published as a tombstone.
   *
   * @param traceparent the W3C trace context the change was made in, or null for none
   */
  public static Document toDocument(
      PublicViewChange change, String source, Instant time, String traceparent) {
    Document pending =
        new Document(ID, Uuids.v7().toString())
            .append(TOPIC, Topics.UPDATES)
            .append(KEY, change.key())
            .append(TYPE, change.type())
            .append(SOURCE, source)
            .append(SUBJECT, change.id().toString())
            .append(TIME, time.toString())
            .append(PAYLOAD, change.isRemoval() ? null : EventCodec.toJsonString(change.view()));
    if (traceparent != null) {
      pending.append(TRACEPARENT, traceparent);
    }
    return pending;
  }

  static String topic(Document pending) {
    return pending.getString(TOPIC);
  }

  static String type(Document pending) {
    return pending.getString(TYPE);
  }

  /** When the event happened, or null for a document without a readable time. */
  static Instant time(Document pending) {
    String time = pending.getString(TIME);
    try {
      return time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The Kafka record in the CloudEvents binary binding, with a {@code traceparent} header after the
   * CloudEvents ones when the event was caused in a trace.
   */
  static ProducerRecord<String, byte[]> toRecord(Document pending) {
    Map<String, String> attributes =
        CloudEventHeaders.of(
            pending.getString(ID),
            pending.getString(SOURCE),
            pending.getString(TYPE),
            pending.getString(TIME),
            pending.getString(SUBJECT));
    RecordHeaders headers = new RecordHeaders();
    attributes.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    String traceparent = pending.getString(TRACEPARENT);
    if (traceparent != null) {
      headers.add(CurrentTrace.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    String payload = pending.getString(PAYLOAD);
    return new ProducerRecord<>(
        pending.getString(TOPIC),
        null,
        pending.getString(KEY),
        payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
        headers);
  }
}
