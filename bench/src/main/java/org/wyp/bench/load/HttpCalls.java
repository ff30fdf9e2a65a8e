package org.wyp.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends a load's requests without blocking, over kept-alive HTTP/1.1 connections. */
public final class HttpCalls {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private HttpCalls() {}

  /** Completes with the response's status; the body is read and dropped. */
  public static CompletableFuture<Integer> send(HttpRequest request) {
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }
}
