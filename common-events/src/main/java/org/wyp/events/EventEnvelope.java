package org.wyp.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event as it travels on Kafka in binary mode: these attributes in headers, the
 * event's JSON as the record value.
 *
 * @param id the event id (ce_id), unique per event; consumers deduplicate on it
 * @param source the publishing service, {@code /wyp/<service>}
 * @param subject the aggregate id
 */
public record EventEnvelope(
    UUID id, String source, String type, Instant time, String subject, DomainEvent data) {

  public static EventEnvelope wrap(DomainEvent event, String source, Instant time) {
    return wrap(Uuids.v7(), event, source, time);
  }

  public static EventEnvelope wrap(UUID id, DomainEvent event, String source, Instant time) {
    return new EventEnvelope(
        id, source, EventCatalog.of(event).name(), time, event.aggregateId().toString(), event);
  }

  public String topic() {
    return EventCatalog.of(data).topic();
  }

  public String key() {
    return data.partitionKey();
  }
}
