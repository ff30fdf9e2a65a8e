package org.wyp.kit.aggregate;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Reruns a load-decide-save attempt when another writer got there first: a save of a stale version
 * ({@link ConcurrentUpdateException}) or a second first write of the same id ({@link
 * DuplicateKeyException}). Rerunning decides again on the fresh state, where a command that can no
 * longer apply fails with its own reason. Bounded, so a hot document surfaces as a 409 rather than
 * spinning; the last collision is rethrown.
 */
public final class OptimisticRetry {

  private OptimisticRetry() {}

  public static <T> T attempt(int maxAttempts, Supplier<T> loadDecideSave) {
    for (int attempt = 1; ; attempt++) {
      try {
        return loadDecideSave.get();
      } catch (ConcurrentUpdateException | DuplicateKeyException collision) {
        if (attempt >= maxAttempts) {
          throw collision;
        }
      }
    }
  }
}
