package org.wyp.kit.aggregate;

import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.outbox.OutboxRelay;

/** What every {@link AggregateStore} needs, bundled so a store's constructor stays one line. */
public record AggregateStoreSupport(
    MongoTemplate mongo, OutboxRelay relay, Clock clock, String eventSource) {}
