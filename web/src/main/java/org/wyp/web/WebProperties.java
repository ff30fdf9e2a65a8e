package org.wyp.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the web front.
 *
 * @param replayCapacity how many recent changes are kept for clients resuming with {@code
 *     Last-Event-ID}; an older id gets the whole board again
 * @param heartbeat how often an idle stream gets a comment, so proxies keep it open
 * @param streamTimeout how long one stream lasts before the browser reconnects (and resumes)
 * @param clientQueue how many changes may wait for a slow client before its stream is closed
 */
@ConfigurationProperties("wyp.web")
public record WebProperties(
    Integer replayCapacity, Duration heartbeat, Duration streamTimeout, Integer clientQueue) {

  public WebProperties {
    replayCapacity = replayCapacity == null ? 10_000 : replayCapacity;
    heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    clientQueue = clientQueue == null ? 1_000 : clientQueue;
  }
}
