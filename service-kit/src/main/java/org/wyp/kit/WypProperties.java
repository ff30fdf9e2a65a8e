package org.wyp.kit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every service, under {@code wyp.*}.
 *
 * @param serviceName names the service in CloudEvents {@code ce_source} ({@code /wyp/<name>})
 */
@ConfigurationProperties("wyp")
public record WypProperties(
    String serviceName, Outbox outbox, Kafka kafka, Web web, Metrics metrics, Security security) {

  public WypProperties {
    security = security == null ? new Security(null, null) : security;
    outbox = outbox == null ? new Outbox(null, null, null) : outbox;
    kafka = kafka == null ? new Kafka(null, null, null, null) : kafka;
    web = web == null ? new Web(null) : web;
    metrics = metrics == null ? new Metrics(null, null) : metrics;
  }

  public String eventSource() {
    return "/wyp/" + serviceName;
  }

  /**
   * @param pollInterval how often the relay looks for pending events it was not told about
   * @param batchSize how many aggregates the relay takes at a time
   * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
   */
  public record Outbox(Duration pollInterval, Integer batchSize, Duration sendTimeout) {
    public Outbox {
      pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
      batchSize = batchSize == null ? 100 : batchSize;
      sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
    }
  }

  /**
   * @param partitions partitions of each topic the service creates (bounds consumer parallelism)
   * @param replicationFactor replicas of each topic the service creates
   * @param retries how often a failing record is retried before it goes to its dead-letter topic
   * @param retryBackoff the first wait between retries; it doubles on each retry
   */
  public record Kafka(
      Integer partitions, Short replicationFactor, Integer retries, Duration retryBackoff) {
    public Kafka {
      partitions = partitions == null ? 3 : partitions;
      replicationFactor = replicationFactor == null ? 1 : replicationFactor;
      retries = retries == null ? 3 : retries;
      retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
    }
  }

  /**
   * @param maxRequestBytes requests with larger bodies are refused with 413
   */
  public record Web(Long maxRequestBytes) {
    public Web {
      maxRequestBytes = maxRequestBytes == null ? 256 * 1024L : maxRequestBytes;
    }
  }

  /**
   * @param gaugeRefresh how often gauges that need a database query are recomputed; scrapes in
   *     between read the last values
   * @param kafkaHealthTimeout how long the Kafka health check waits for the cluster to answer
   */
  public record Metrics(Duration gaugeRefresh, Duration kafkaHealthTimeout) {
    public Metrics {
      gaugeRefresh = gaugeRefresh == null ? Duration.ofSeconds(15) : gaugeRefresh;
      kafkaHealthTimeout = kafkaHealthTimeout == null ? Duration.ofSeconds(2) : kafkaHealthTimeout;
    }
  }

  /**
   * @param jwt which tokens are trusted
   * @param rateLimit how many writes one caller may make
   */
  public record Security(Jwt jwt, RateLimit rateLimit) {
    public Security {
      jwt = jwt == null ? new Jwt(null, null, null) : jwt;
      rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
    }
  }

  /**
   * @param issuer the {@code iss} every token must name
   * @param jwkSetUri where the issuer publishes its signing keys (JWKS)
   * @param publicKey instead of a JWKS: one RSA public key, Base64 of its X.509 DER encoding (for
   *     tests and air-gapped set-ups)
   */
  public record Jwt(String issuer, String jwkSetUri, String publicKey) {
    public Jwt {
      issuer = issuer == null ? "http://127.0.0.1:9000" : issuer;
      jwkSetUri = jwkSetUri == null ? issuer + "/oauth2/jwks" : jwkSetUri;
    }
  }

  /**
   * @param writesPerMinute the sustained rate of writes one caller may make
   * @param burst how many writes one caller may make at once
   */
  public record RateLimit(Integer writesPerMinute, Integer burst) {
    public RateLimit {
      writesPerMinute = writesPerMinute == null ? 1200 : writesPerMinute;
      burst = burst == null ? 200 : burst;
    }
  }
}
