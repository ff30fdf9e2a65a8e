package org.wyp.kit.domain;

/** The requested resource does not exist, or the caller may not know that it does: 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String kind, Object id) {
    super("No " + kind + " with id " + id);
  }
}
