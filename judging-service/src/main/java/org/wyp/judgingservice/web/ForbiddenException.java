package org.wyp.judgingservice.web;

/**
 * The caller may not do this to this resource (a conflicted judge scoring, a judge scoring a pitch
 * not assigned to it): 403. Kept in this service because the kit has no 403 of its own yet.
 */
public class ForbiddenException extends RuntimeException {

  private final String problemType;

  public ForbiddenException(String problemType, String message) {
    super(message);
    this.problemType = problemType;
  }

  public String problemType() {
    return problemType;
  }
}
