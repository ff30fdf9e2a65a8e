package org.wyp.kit.aggregate;

import java.util.List;
import org.wyp.events.DomainEvent;

/**
 * The events an aggregate has recorded and not yet stored, for tests that drive aggregates without
 * a store (property tests of their lifecycles). In production only {@link AggregateStore} reads
 * them, which is why the accessor is package-private.
 */
public final class RecordedEvents {

  private RecordedEvents() {}

  public static List<DomainEvent> of(AggregateRoot aggregate) {
    return aggregate.uncommittedEvents();
  }
}
