package org.wyp.kit.domain;

/**
 * The request is well-formed but breaks a business rule that does not depend on a concurrent state
 * change (a reference to something that does not exist, dates out of order): 422.
 */
public class RuleViolationException extends RuntimeException {

  private final String problemType;

  public RuleViolationException(String problemType, String message) {
    super(message);
    this.problemType = problemType;
  }

  public String problemType() {
    return problemType;
  }
}
