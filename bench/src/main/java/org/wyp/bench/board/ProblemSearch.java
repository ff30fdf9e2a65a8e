package org.wyp.bench.board;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.wyp.bench.stack.StackProcess;

/**
 * problem-service's problem search as the benchmark calls it: anonymously, so only published and
 * closed problems count, and here only published ones are asked for.
 */
final class ProblemSearch {

  private final String baseUrl;

  ProblemSearch(StackProcess stack) {
    this.baseUrl = stack.url("problem-service");
  }

  URI page(Optional<String> theme, int page, int size) {
    return URI.create(
        baseUrl
            + "/api/problems?status="
            + BoardProblem.PUBLISHED
            + theme.map(t -> "&theme=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("")
            + "&page="
            + page
            + "&size="
            + size);
  }

  URI liveness() {
    return URI.create(baseUrl + "/actuator/health/liveness");
  }

  long total(Optional<String> theme) throws IOException, InterruptedException {
    return JsonPages.total(page(theme, 0, 1));
  }
}
