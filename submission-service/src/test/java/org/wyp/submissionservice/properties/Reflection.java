package org.wyp.submissionservice.properties;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.wyp.events.DomainEvent;
import org.wyp.kit.aggregate.AggregateRoot;

/**
 * Reaches the package-private parts of the aggregate these properties drive directly, without
 * Spring or storage: the submission's factory and commands, which only its application services
 * call, and the events an aggregate has recorded but not yet stored. An exception the method throws
 * is rethrown as it is.
 */
final class Reflection {

  private Reflection() {}

  static Object call(Class<?> type, Object target, String name, Object... args) {
    Method method =
        Arrays.stream(type.getDeclaredMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
            .findFirst()
            .orElseThrow(() -> new AssertionError(type.getName() + " has no method " + name));
    method.setAccessible(true);
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** The events the aggregate recorded since it was created or last stored. */
  @SuppressWarnings("unchecked")
  static List<DomainEvent> uncommittedEvents(AggregateRoot aggregate) {
    return (List<DomainEvent>) call(AggregateRoot.class, aggregate, "uncommittedEvents");
  }
}
