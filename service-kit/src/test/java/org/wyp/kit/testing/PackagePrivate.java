package org.wyp.kit.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Calls a package-private method from a test in another package: for property tests that drive an
 * aggregate's factory and commands directly, without Spring or storage. An exception the method
 * throws is rethrown as it is.
 */
public final class PackagePrivate {

  private PackagePrivate() {}

  public static Object call(Class<?> type, Object target, String name, Object... args) {
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
}
