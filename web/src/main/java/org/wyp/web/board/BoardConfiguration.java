package org.wyp.web.board;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wyp.events.view.PublicViews;
import org.wyp.web.WebProperties;

/** The board, the feed that fills it, its readiness and its metrics. */
@Configuration(proxyBeanMethods = false)
class BoardConfiguration {

  @Bean
  PublicBoard publicBoard(WebProperties properties, MeterRegistry registry) {
    // Base 36 of the start time: short, and different for every run of every instance.
    PublicBoard board =
        new PublicBoard(
            Long.toString(Instant.now().toEpochMilli(), 36), properties.replayCapacity());
    for (String kind : PublicViews.KINDS) {
      Gauge.builder("wyp.web.board.items", board, b -> b.countOf(kind))
          .description("Items on the public board, by kind")
          .tag("kind", kind)
          .register(registry);
    }
    FunctionCounter.builder("wyp.web.updates.skipped", board, PublicBoard::skipped)
        .description("Records of the update topic the board could not read")
        .register(registry);
    Gauge.builder("wyp.web.live.clients", board, PublicBoard::followers)
        .description("Browsers following the live stream")
        .register(registry);
    return board;
  }

  @Bean
  UpdatesFeed updatesFeed(PublicBoard board, KafkaProperties kafka) {
    return new UpdatesFeed(board, kafka.buildConsumerProperties());
  }

  /** Ready once the board holds the whole topic as it was at start-up. */
  @Bean
  HealthIndicator publicBoardHealthIndicator(UpdatesFeed feed, PublicBoard board) {
    return () -> {
      Health.Builder health = feed.caughtUp() ? Health.up() : Health.outOfService();
      health.withDetail("items", board.size());
      if (feed.lastPoll() != null) {
        health.withDetail("lastPoll", feed.lastPoll().toString());
      }
      if (feed.lastError() != null) {
        health.withDetail("lastError", feed.lastError());
      }
      return health.build();
    };
  }
}
