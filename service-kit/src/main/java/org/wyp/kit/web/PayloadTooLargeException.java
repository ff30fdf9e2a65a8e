package org.wyp.kit.web;

/** The request body is over the configured size limit: 413. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limit) {
    super("Request body is larger than the limit of " + limit + " bytes");
  }
}
