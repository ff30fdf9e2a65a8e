package org.wyp.kit.web;

/** The client's {@code If-Match} names a version that is no longer current: 412. */
public class PreconditionFailedException extends RuntimeException {

  public PreconditionFailedException(long expected, long actual) {
    super(
        "If-Match names version %d but the current version is %d; fetch it again and reapply"
            .formatted(expected, actual));
  }
}
