package org.wyp.bench.load;

import java.util.concurrent.CompletableFuture;

/** One request of a load, the {@code index}-th sent; completes with the HTTP status. */
@FunctionalInterface
public interface Call {

  CompletableFuture<Integer> send(long index);
}
