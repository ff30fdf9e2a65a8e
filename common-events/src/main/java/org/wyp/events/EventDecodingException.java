package org.wyp.events;

/**
 * A record that can never be processed as it is: missing or malformed headers, JSON that does not
 * parse or does not fit its type, or an event without its aggregate id. Retrying cannot help.
 */
public class EventDecodingException extends RuntimeException {

  public EventDecodingException(String message) {
    super(message);
  }

  public EventDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
