package org.wyp.kit.web;

import java.net.URI;

/**
 * Stable problem-details {@code type} URIs. Clients may branch on them; the set only grows. They
 * are relative references (RFC 9457 allows that) so they do not depend on a host name.
 */
public final class ProblemTypes {

  public static final URI VALIDATION = of("validation");
  public static final URI MALFORMED_REQUEST = of("malformed-request");
  public static final URI NOT_FOUND = of("not-found");
  public static final URI CONCURRENT_UPDATE = of("concurrent-update");
  public static final URI PRECONDITION_FAILED = of("precondition-failed");
  public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
  public static final URI INTERNAL = of("internal-error");

  private ProblemTypes() {}

  public static URI of(String slug) {
    return URI.create("/problems/" + slug);
  }
}
