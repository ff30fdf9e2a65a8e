package org.wyp.kit.web;

/** An edit without {@code If-Match}: the client must say which version it changes (428). */
public class MissingIfMatchException extends RuntimeException {

  public MissingIfMatchException() {
    super("This edit needs an If-Match header with the ETag of the version you are changing");
  }
}
