package org.wyp.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's REST API as the demo uses it: JSON in and out, and an error naming the call and the
 * service's problem details when a call does not answer as expected.
 */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(200);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;

  public ApiClient(String baseUrl) {
    this(baseUrl, null);
  }

  private ApiClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The same API, called with this bearer token. */
  public ApiClient as(String bearerToken) {
    return new ApiClient(baseUrl, bearerToken);
  }

  /** Thrown when a call answers with another status than expected. */
  public static final class UnexpectedResponse extends IllegalStateException {
    private final int status;

    UnexpectedResponse(String call, int status, String body) {
      super(call + " answered " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public JsonNode get(String path) {
    return call("GET", path, null, 200);
  }

  public JsonNode post(String path, Object body, int expected) {
    return call("POST", path, body, expected);
  }

  public JsonNode put(String path, Object body, int expected) {
    return call("PUT", path, body, expected);
  }

  /**
   * Retries a step until it succeeds: for a call that depends on events another service has yet to
   * consume.
   */
  public static <T> T eventually(String what, Duration timeout, Supplier<T> step) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try {
        return step.get();
      } catch (RuntimeException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("gave up waiting for " + what + ": " + e.getMessage(), e);
        }
        pause(POLL);
      }
    }
  }

  static void pause(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private JsonNode call(String method, String path, Object body, int expected) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  // Text is taken to be JSON already, as a load generator prepares it.
                  body instanceof String json ? json : JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (response.statusCode() != expected) {
      throw new UnexpectedResponse(method + " " + path, response.statusCode(), response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
