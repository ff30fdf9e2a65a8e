package org.wyp.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.wyp.events.view.PublicView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of events and the decoding of a CloudEvents binary-mode record. Unknown fields
 * are ignored (adding an optional field is compatible) and unknown types are reported as empty so
 * consumers can skip them.
 */
public final class EventCodec {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private EventCodec() {}

  public static byte[] toJson(DomainEvent event) {
    return JSON.writeValueAsBytes(event);
  }

  public static String toJsonString(DomainEvent event) {
    return JSON.writeValueAsString(event);
  }

  public static String toJsonString(PublicView view) {
    return JSON.writeValueAsString(view);
  }

  /** Reads a public view body, as a front end or a test would. */
  public static <T extends PublicView> T viewFromJson(byte[] json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JacksonException e) {
      throw new EventDecodingException(
          "body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Reads an event body of a known type, checking the fields every event must carry. */
  public static <T extends DomainEvent> T fromJson(byte[] json, Class<T> type) {
    T event;
    try {
      event = JSON.readValue(json, type);
    } catch (JacksonException e) {
      throw new EventDecodingException(
          "body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
    if (event == null) {
      throw new EventDecodingException("body is empty");
    }
    requireIdentity(event);
    return event;
  }

  /**
   * Decodes a record in the CloudEvents Kafka binary binding.
   *
   * @return empty when the type is unknown to this version (to be ignored, not failed)
   * @throws EventDecodingException when the record can never be processed
   */
  public static Optional<EventEnvelope> decode(Map<String, String> headers, byte[] body) {
    String type = required(headers, CloudEventHeaders.TYPE);
    Optional<EventType> known = EventCatalog.byName(type);
    if (known.isEmpty()) {
      return Optional.empty();
    }
    if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(headers.get(CloudEventHeaders.SPEC_VERSION))) {
      throw new EventDecodingException(
          "unsupported "
              + CloudEventHeaders.SPEC_VERSION
              + ": "
              + headers.get(CloudEventHeaders.SPEC_VERSION));
    }
    if (body == null || body.length == 0) {
      throw new EventDecodingException("record of type " + type + " has no body");
    }
    UUID id = parseId(required(headers, CloudEventHeaders.ID));
    Instant time = parseTime(required(headers, CloudEventHeaders.TIME));
    DomainEvent data = fromJson(body, known.get().javaType());
    String subject = headers.getOrDefault(CloudEventHeaders.SUBJECT, data.aggregateId().toString());
    if (!subject.equals(data.aggregateId().toString())) {
      throw new EventDecodingException(
          "ce_subject " + subject + " is not the body's aggregate id " + data.aggregateId());
    }
    return Optional.of(
        new EventEnvelope(
            id, required(headers, CloudEventHeaders.SOURCE), type, time, subject, data));
  }

  private static void requireIdentity(DomainEvent event) {
    String name = event.getClass().getSimpleName();
    if (event.aggregateId() == null) {
      throw new EventDecodingException(name + " has no aggregate id");
    }
    // The record key must be derivable too (judging events are keyed by round, not aggregate).
    try {
      event.partitionKey();
    } catch (NullPointerException e) {
      throw new EventDecodingException(name + " has no value for its partition key", e);
    }
    if (event.version() < 1) {
      throw new EventDecodingException(name + " has version " + event.version() + ", must be >= 1");
    }
  }

  private static String required(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null || value.isBlank()) {
      throw new EventDecodingException("missing header " + name);
    }
    return value;
  }

  private static UUID parseId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new EventDecodingException("ce_id is not a UUID: " + value, e);
    }
  }

  private static Instant parseTime(String value) {
    try {
      return CloudEventHeaders.parseTime(value);
    } catch (DateTimeParseException e) {
      throw new EventDecodingException("ce_time is not an RFC 3339 instant: " + value, e);
    }
  }
}
