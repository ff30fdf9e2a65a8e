package org.wyp.web.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.wyp.events.Topics;

/**
 * Reads the whole update topic into the {@link PublicBoard}, from the beginning at every start and
 * then as it grows. It takes every partition itself rather than joining a consumer group: each web
 * instance needs all of the board, and there is nothing to commit, since the compacted topic is the
 * state.
 *
 * <p>The board counts as caught up once every partition has been read up to where it ended when
 * reading began; until then readiness is down, so no browser gets a half-built board. Partitions
 * added to the topic later are picked up on restart.
 */
public class UpdatesFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(UpdatesFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final PublicBoard board;
  private final Map<String, Object> consumerSettings;
  private final Clock clock = Clock.systemUTC();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread reader;
  private volatile boolean running;
  private volatile boolean caughtUp;
  private volatile Instant lastPoll;
  private volatile String lastError;

  public UpdatesFeed(PublicBoard board, Map<String, Object> kafkaSettings) {
    this.board = board;
    Map<String, Object> settings = new HashMap<>(kafkaSettings);
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "web-public-board");
    this.consumerSettings = Map.copyOf(settings);
  }

  /** Whether the board holds everything the topic held when this instance started reading. */
  public boolean caughtUp() {
    return caughtUp;
  }

  public Instant lastPoll() {
    return lastPoll;
  }

  public String lastError() {
    return lastError;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    reader = Thread.ofPlatform().name("updates-feed").daemon().start(this::readForever);
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread thread = reader;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void readForever() {
    while (running) {
      try (KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(consumerSettings)) {
        consumer = opened;
        read(opened);
      } catch (WakeupException e) {
        // stop() asked the consumer to return.
      } catch (RuntimeException e) {
        lastError = e.toString();
        log.warn("reading {} failed, retrying: {}", Topics.UPDATES, e.toString());
        pause();
      } finally {
        consumer = null;
      }
    }
  }

  private void read(KafkaConsumer<String, byte[]> opened) {
    List<TopicPartition> partitions = awaitPartitions(opened);
    if (partitions.isEmpty()) {
      return;
    }
    opened.assign(partitions);
    opened.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = opened.endOffsets(partitions);
    // A restarted read (after a failure) starts again from the beginning: the board ignores
    // views it already holds, so nothing is sent to browsers twice.
    while (running) {
      for (ConsumerRecord<String, byte[]> record : opened.poll(POLL)) {
        board.apply(record.key(), record.value());
      }
      lastPoll = clock.instant();
      lastError = null;
      if (!caughtUp
          && ends.entrySet().stream().allMatch(e -> opened.position(e.getKey()) >= e.getValue())) {
        caughtUp = true;
        log.info("public board caught up: {} items", board.size());
      }
    }
  }

  /** The topic's partitions; waits while the topic does not exist yet (no service started). */
  private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> opened) {
    while (running) {
      List<PartitionInfo> infos = opened.partitionsFor(Topics.UPDATES, Duration.ofSeconds(10));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      lastError = Topics.UPDATES + " does not exist yet";
      pause();
    }
    return List.of();
  }

  private void pause() {
    try {
      Thread.sleep(RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
