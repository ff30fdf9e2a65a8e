package org.wyp.kit.domain;

/**
 * The request is well-formed but clashes with the resource's current state (an illegal transition,
 * a duplicate): 409.
 */
public class ConflictException extends RuntimeException {

  private final String problemType;

  public ConflictException(String problemType, String message) {
    super(message);
    this.problemType = problemType;
  }

  /** A short stable slug naming the rule, e.g. {@code illegal-transition}. */
  public String problemType() {
    return problemType;
  }
}
