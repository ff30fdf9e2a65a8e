package org.wyp.kit.aggregate;

/** Someone else changed the aggregate since it was loaded; the caller should reload and retry. */
public class ConcurrentUpdateException extends RuntimeException {

  public ConcurrentUpdateException(String collection, String id, long expectedVersion) {
    super(
        "%s %s was changed by someone else (expected version %d)"
            .formatted(collection, id, expectedVersion));
  }
}
