package org.wyp.kit.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits write requests (POST, PUT, PATCH, DELETE) per caller with a token bucket: {@code burst}
 * writes at once, refilled at {@code perMinute}. The caller is the token's subject, or the client
 * address for requests without one. Over the limit: 429 with {@code Retry-After}, and nothing is
 * done. Reads are not limited here; their cost is bounded by page-size caps.
 *
 * <p>Buckets live in this instance's memory: with N replicas behind a load balancer a caller gets
 * up to N times the limit, which still stops a runaway client.
 */
public class WriteRateLimiter extends OncePerRequestFilter {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final int MAX_TRACKED_CALLERS = 100_000;

  private final double perMillisecond;
  private final int burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public WriteRateLimiter(int perMinute, int burst, Clock clock) {
    this.perMillisecond = perMinute / 60_000.0;
    this.burst = burst;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !WRITES.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = Callers.current();
    String key =
        caller.isAnonymous() ? "addr:" + request.getRemoteAddr() : "sub:" + caller.subject();
    long waitMillis = take(key);
    if (waitMillis > 0) {
      response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
      ProblemResponses.write(
          response,
          429,
          "rate-limited",
          "Too many requests",
          "Too many writes from this caller; try again after the Retry-After delay");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Takes one token; 0 when granted, else how long until one is available. */
  long take(String key) {
    if (buckets.size() > MAX_TRACKED_CALLERS) {
      // Idle callers' buckets are full anyway: forgetting them changes nobody's limit.
      buckets.clear();
    }
    long now = clock.millis();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMillisecond);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) / perMillisecond);
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
