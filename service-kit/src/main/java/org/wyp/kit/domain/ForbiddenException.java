package org.wyp.kit.domain;

/**
 * The caller may not do this to this resource, whoever it is (a conflicted judge scoring, a judge
 * scoring a pitch not assigned to it): 403.
 */
public class ForbiddenException extends RuntimeException {

  private final String problemType;

  public ForbiddenException(String problemType, String message) {
    super(message);
    this.problemType = problemType;
  }

  /** A short stable slug naming the rule, e.g. {@code conflict-of-interest}. */
  public String problemType() {
    return problemType;
  }
}
