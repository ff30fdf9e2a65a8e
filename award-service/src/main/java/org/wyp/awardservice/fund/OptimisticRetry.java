package org.wyp.awardservice.fund;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.wyp.kit.aggregate.ConcurrentUpdateException;

/**
 * Reruns a load-decide-save attempt when another writer changed the fund in between. A round's
 * awards share one fund document, so unrelated commands (two SMEs accepting at once) collide on its
 * version; rerunning decides again on the fresh state, where a command that can no longer apply (a
 * tranche already paid) fails with its own reason. Bounded, so a hot fund surfaces as 409 rather
 * than spinning.
 */
public final class OptimisticRetry {

  static final int MAX_ATTEMPTS = 8;

  private OptimisticRetry() {}

  public static <T> T attempt(Supplier<T> loadDecideSave) {
    for (int attempt = 1; ; attempt++) {
      try {
        return loadDecideSave.get();
      } catch (ConcurrentUpdateException | DuplicateKeyException e) {
        // A duplicate key is two first writes of one round's fund; the loser reloads the winner's.
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
