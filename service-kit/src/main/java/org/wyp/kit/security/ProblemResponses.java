package org.wyp.kit.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.wyp.kit.web.ProblemTypes;

/** Problem-details bodies written by filters, before any controller advice can. */
final class ProblemResponses {

  private ProblemResponses() {}

  static void write(
      HttpServletResponse response, int status, String slug, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // The details are fixed texts of this kit, never client input: no escaping needed.
    response
        .getWriter()
        .write(
            """
            {"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(ProblemTypes.of(slug), title, status, detail));
  }
}
