package org.wyp.kit.kafka;

/**
 * A handler's verdict that a well-formed event can never be applied (its values break a rule the
 * consumer relies on). It goes to the dead-letter topic at once instead of being retried.
 */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String message) {
    super(message);
  }
}
