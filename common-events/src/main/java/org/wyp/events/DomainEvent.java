package org.wyp.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/**
 * Every event of the platform: immutable, naming the aggregate it changed and that aggregate's
 * version after the change, so consumers can order and deduplicate.
 */
public interface DomainEvent {

  @JsonIgnore
  UUID aggregateId();

  /** The aggregate's version after the change this event records. */
  long version();

  /** The Kafka record key; the aggregate id unless the topic is keyed otherwise. */
  @JsonIgnore
  default String partitionKey() {
    return aggregateId().toString();
  }
}
