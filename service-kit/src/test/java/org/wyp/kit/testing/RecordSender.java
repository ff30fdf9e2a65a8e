package org.wyp.kit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.DomainEvent;
import org.wyp.events.EventCodec;
import org.wyp.events.EventEnvelope;

/**
 * Puts records on a topic the way another service (or a broken one) would, and tells when a
 * consumer group has processed everything on a topic.
 */
public final class RecordSender implements AutoCloseable {

  private final String bootstrapServers;
  private final KafkaProducer<String, byte[]> producer;

  public RecordSender(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** Sends an event in the CloudEvents binary binding, under a new event id. */
  public EventEnvelope send(DomainEvent event) {
    EventEnvelope envelope = EventEnvelope.wrap(event, "/wyp/test", Instant.now());
    send(envelope);
    return envelope;
  }

  /** Sends exactly this envelope again: a redelivery, same event id. */
  public void send(EventEnvelope envelope) {
    sendRaw(
        envelope.topic(),
        envelope.key(),
        CloudEventHeaders.of(envelope),
        EventCodec.toJson(envelope.data()));
  }

  /** Sends whatever headers and bytes it is given, valid or not. */
  public void sendRaw(String topic, String key, Map<String, String> headers, byte[] value) {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
    try {
      producer
          .send(new ProducerRecord<>(topic, null, key, value, recordHeaders))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** CloudEvents headers for hand-made records. */
  public static Map<String, String> headers(String type, String subject) {
    return Map.of(
        CloudEventHeaders.SPEC_VERSION, "1.0",
        CloudEventHeaders.ID, UUID.randomUUID().toString(),
        CloudEventHeaders.SOURCE, "/wyp/test",
        CloudEventHeaders.TYPE, type,
        CloudEventHeaders.TIME, "2026-06-12T15:00:00Z",
        CloudEventHeaders.SUBJECT, subject,
        CloudEventHeaders.CONTENT_TYPE, "application/json");
  }

  /**
   * Waits until the consumer group has committed offsets at the end of every partition of the
   * topic: everything sent before this call has been processed (or dead-lettered).
   */
  public void awaitConsumed(String groupId, String topic) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> caughtUp(admin, groupId, topic));
    }
  }

  private static boolean caughtUp(Admin admin, String groupId, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    var partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(
        p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    var ends = admin.listOffsets(latest).all().get();
    return ends.entrySet().stream()
        .allMatch(
            end -> {
              if (end.getValue().offset() == 0) {
                return true;
              }
              OffsetAndMetadata done = committed.get(end.getKey());
              return done != null && done.offset() >= end.getValue().offset();
            });
  }

  @Override
  public void close() {
    producer.close();
  }
}
