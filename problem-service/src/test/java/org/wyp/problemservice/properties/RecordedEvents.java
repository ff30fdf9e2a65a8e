package org.wyp.problemservice.properties;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.wyp.events.DomainEvent;
import org.wyp.kit.aggregate.AggregateRoot;

/**
 * The events an aggregate has recorded and not yet stored. Only the aggregate store reads them in
 * production (the accessor is package-private there); these properties drive aggregates without
 * storage, so they read them reflectively.
 */
final class RecordedEvents {

  private static final Method UNCOMMITTED;

  static {
    try {
      UNCOMMITTED = AggregateRoot.class.getDeclaredMethod("uncommittedEvents");
      UNCOMMITTED.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private RecordedEvents() {}

  @SuppressWarnings("unchecked")
  static List<DomainEvent> of(AggregateRoot aggregate) {
    try {
      return (List<DomainEvent>) UNCOMMITTED.invoke(aggregate);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError(e);
    }
  }
}
