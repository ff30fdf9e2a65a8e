package org.wyp.kit.web;

import java.util.OptionalLong;

/**
 * Aggregate versions as HTTP entity tags, for optimistic concurrency with {@code If-Match}. A tag
 * is the version in quotes, e.g. {@code "3"}.
 */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header names; empty when the header is absent or {@code *}.
   *
   * @throws MalformedIfMatchException when it names no version of ours
   */
  public static OptionalLong parseIfMatch(String header) {
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = header.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
      throw new MalformedIfMatchException(header);
    }
    try {
      return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
    } catch (NumberFormatException e) {
      throw new MalformedIfMatchException(header);
    }
  }

  /**
   * The version a required {@code If-Match} header names; empty for {@code *}, which (RFC 9110)
   * accepts whatever version is current.
   *
   * @throws MissingIfMatchException when it is absent: the client must say which version it edits
   */
  public static OptionalLong requireIfMatch(String header) {
    if (header == null || header.isBlank()) {
      throw new MissingIfMatchException();
    }
    return parseIfMatch(header);
  }

  /** Checks a client's expected version against the current one. */
  public static void requireMatch(OptionalLong expected, long current) {
    if (expected.isPresent() && expected.getAsLong() != current) {
      throw new PreconditionFailedException(expected.getAsLong(), current);
    }
  }

  /** An If-Match value that is not an entity tag this API issued. */
  public static class MalformedIfMatchException extends RuntimeException {
    MalformedIfMatchException(String header) {
      super("If-Match must be an entity tag such as \"3\", got: " + header);
    }
  }
}
