package org.wyp.kit.aggregate;

import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.tracing.CurrentTrace;

/**
 * What every {@link AggregateStore} needs, bundled so a store's constructor stays one line.
 *
 * @param trace the trace a save runs in, stored with the events it causes
 */
public record AggregateStoreSupport(
    MongoTemplate mongo, OutboxRelay relay, Clock clock, String eventSource, CurrentTrace trace) {

  /** Support whose saves store no trace context. */
  public AggregateStoreSupport(
      MongoTemplate mongo, OutboxRelay relay, Clock clock, String eventSource) {
    this(mongo, relay, clock, eventSource, CurrentTrace.NONE);
  }
}
