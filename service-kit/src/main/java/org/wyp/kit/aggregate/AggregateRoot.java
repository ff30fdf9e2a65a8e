package org.wyp.kit.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.data.annotation.Transient;
import org.wyp.events.DomainEvent;

/**
 * Base of every aggregate document. The aggregate decides: a command method validates, changes
 * state, moves the version on by one and records the events it causes. {@link AggregateStore} then
 * writes state and events in one single-document update (the outbox lives in the document).
 */
public abstract class AggregateRoot {

  private long version;

  @Transient private final List<DomainEvent> uncommittedEvents = new ArrayList<>();

  @Transient private int uncommittedChanges;

  /** The version after the last change; 0 before the first. */
  public long version() {
    return version;
  }

  /** Moves the version on for a change that publishes nothing. */
  protected final long nextVersion() {
    version++;
    uncommittedChanges++;
    return version;
  }

  /** Moves the version on and records the event the change causes, stamped with that version. */
  protected final void recordChange(LongFunction<? extends DomainEvent> eventAtVersion) {
    uncommittedEvents.add(eventAtVersion.apply(nextVersion()));
  }

  List<DomainEvent> uncommittedEvents() {
    return List.copyOf(uncommittedEvents);
  }

  /** The version the stored document has, which a save must still find there. */
  long storedVersion() {
    return version - uncommittedChanges;
  }

  boolean hasUncommittedChanges() {
    return uncommittedChanges > 0;
  }

  void markCommitted() {
    uncommittedEvents.clear();
    uncommittedChanges = 0;
  }
}
