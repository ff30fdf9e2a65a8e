package org.wyp.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for tests: JSON in, status, headers and JSON out. */
public final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String token;

  public Http(String baseUrl) {
    this(baseUrl, null);
  }

  private Http(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  public static Http localhost(int port) {
    return new Http("http://127.0.0.1:" + port);
  }

  /** The same server, called with this bearer token (see {@link TestTokens}). */
  public Http as(String bearerToken) {
    return new Http(baseUrl, bearerToken);
  }

  /** The same server, called without a token. */
  public Http anonymous() {
    return new Http(baseUrl, null);
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public Response put(String path, Object body, Map<String, String> headers) {
    return send("PUT", path, body, headers);
  }

  /** Sends {@code body} as JSON: a String is sent as it is, anything else is serialised. */
  public Response send(String method, String path, Object body, Map<String, String> headers) {
    String json =
        body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    Map<String, String> allHeaders = new LinkedHashMap<>();
    if (json != null) {
      allHeaders.put("Content-Type", "application/json");
    }
    if (token != null) {
      allHeaders.put("Authorization", "Bearer " + token);
    }
    allHeaders.putAll(headers);
    allHeaders.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends exactly these bytes (none when null) with exactly these headers and the token: no
   * Content-Type is added, so a test can send any media type, none at all, or bytes that are not
   * UTF-8. Gives up after {@code timeout}, so a request the server never answers fails the test
   * instead of hanging it.
   */
  public Response sendBytes(
      String method, String path, byte[] body, Map<String, String> headers, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    Map<String, String> allHeaders = new LinkedHashMap<>();
    if (token != null) {
      allHeaders.put("Authorization", "Bearer " + token);
    }
    allHeaders.putAll(headers);
    allHeaders.forEach(request::header);
    return exchange(request);
  }

  private static Response exchange(HttpRequest.Builder request) {
    try {
      return new Response(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed as JSON where it is JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String text(String field) {
      return json().path(field).asString();
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
