package org.wyp.kit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from the beginning with a plain Kafka consumer, as any other service would see it,
 * collecting every record seen so far.
 */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  public TopicReader(String bootstrapServers, String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Everything read so far, after one more short poll. */
  public List<ConsumerRecord<String, byte[]>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    return List.copyOf(seen);
  }

  /**
   * Reads until the consumer has reached the end of every partition as it is now: after this, what
   * was not seen was not on the topic.
   */
  public List<ConsumerRecord<String, byte[]>> readToEnd() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              poll();
              var assignment = consumer.assignment();
              if (assignment.isEmpty()) {
                return false;
              }
              Map<TopicPartition, Long> ends = consumer.endOffsets(assignment);
              return ends.entrySet().stream()
                  .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
    return List.copyOf(seen);
  }

  /** Waits until the records read so far include one matching, and returns all matching. */
  public List<ConsumerRecord<String, byte[]>> awaitAny(
      Predicate<ConsumerRecord<String, byte[]>> matching) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> poll().stream().anyMatch(matching));
    return matching(matching);
  }

  public List<ConsumerRecord<String, byte[]>> matching(
      Predicate<ConsumerRecord<String, byte[]>> matching) {
    return poll().stream().filter(matching).toList();
  }

  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  public static Predicate<ConsumerRecord<String, byte[]>> ofType(String ceType) {
    return record -> ceType.equals(header(record, "ce_type"));
  }

  public static Predicate<ConsumerRecord<String, byte[]>> withSubject(String subject) {
    return record -> subject.equals(header(record, "ce_subject"));
  }

  @Override
  public void close() {
    consumer.close();
  }
}
