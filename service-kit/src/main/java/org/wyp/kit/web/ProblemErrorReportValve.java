package org.wyp.kit.web;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as problem details instead of an HTML page. Tomcat answers some requests
 * itself, before any filter or controller sees them: a path with an encoded {@code /} or a NUL, a
 * malformed request line. Those answers are problems too, with a type named for their status and a
 * fixed detail (never the request's text).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String slug =
        status == 400
            ? "malformed-request"
            : known == null
                ? "status-" + status
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail =
        status == 400
            ? "The request line, path or headers are malformed"
            : "The web server refused the request";
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write(
            """
            {"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(ProblemTypes.of(slug), title, status, detail));
        response.finishResponse();
      }
    } catch (Exception e) {
      // Nothing more can be said to this client; Tomcat closes the exchange.
    }
  }
}
