package org.wyp.bench.board;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the pages the benchmark checks: the board's and the search's JSON, over one kept-alive
 * HTTP/1.1 client. A page that does not come back 200 is an error, never a figure.
 */
final class JsonPages {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Generous: an unindexed search over the whole collection takes seconds on this server. */
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private JsonPages() {}

  static JsonNode get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request(uri), HttpResponse.BodyHandlers.ofString());
    return parse(uri, response);
  }

  static CompletableFuture<JsonNode> getAsync(URI uri) {
    return HTTP.sendAsync(request(uri), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> parse(uri, response));
  }

  /** A page's {@code totalElements}, as both the board and the search report it. */
  static long total(URI uri) throws IOException, InterruptedException {
    return get(uri).path("totalElements").asLong(-1);
  }

  private static HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
  }

  private static JsonNode parse(URI uri, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
