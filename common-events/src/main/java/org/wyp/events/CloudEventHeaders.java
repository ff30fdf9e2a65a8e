package org.wyp.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CloudEvents 1.0 Kafka binary binding: attribute names as headers. */
public final class CloudEventHeaders {

  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String SOURCE = "ce_source";
  public static final String TYPE = "ce_type";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String CONTENT_TYPE = "content-type";

  public static final String SPEC_VERSION_1_0 = "1.0";
  public static final String APPLICATION_JSON = "application/json";

  private CloudEventHeaders() {}

  /** The headers for an envelope, in the order the binding lists them. */
  public static Map<String, String> of(EventEnvelope envelope) {
    return of(
        envelope.id().toString(),
        envelope.source(),
        envelope.type(),
        envelope.time().toString(),
        envelope.subject());
  }

  /** The headers for an event's attributes as text, in the order the binding lists them. */
  public static Map<String, String> of(
      String id, String source, String type, String time, String subject) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
    headers.put(ID, id);
    headers.put(SOURCE, source);
    headers.put(TYPE, type);
    headers.put(TIME, time);
    headers.put(SUBJECT, subject);
    headers.put(CONTENT_TYPE, APPLICATION_JSON);
    return headers;
  }

  static Instant parseTime(String value) {
    return Instant.parse(value);
  }
}
