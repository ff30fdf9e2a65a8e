package org.wyp.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.judging.Stage;
import org.wyp.kit.WypProperties;
import org.wyp.kit.testing.EmbeddedMongo;
import org.wyp.kit.testing.TopicReader;

/**
 * An aggregate whose events live in several documents (judging's chain entries, one per score) gets
 * them published in the order they were made, whatever order the database returns the documents in.
 * Real broker, real wire server.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.JUDGING)
class OutboxRelayOrderTest {

  private final UUID roundId = UUID.randomUUID();
  MongoClient client;
  MongoTemplate mongo;
  KafkaTemplate<String, byte[]> kafka;

  @BeforeEach
  void setUp() {
    client = MongoClients.create(EmbeddedMongo.connectionString());
    mongo = new MongoTemplate(client, "relay-" + UUID.randomUUID());
  }

  @AfterEach
  void tearDown() {
    client.close();
    if (kafka != null) {
      kafka.destroy();
    }
  }

  @Test
  void documentsArePublishedInTheOrderOfTheirEventsNotOfStorage(EmbeddedKafkaBroker broker) {
    List<EventEnvelope> made =
        List.of(scored(1), scored(2), scored(3), scored(4)).stream()
            .map(event -> EventEnvelope.wrap(event, "/wyp/judging-service", Instant.now()))
            .toList();
    // Stored newest first, as if another writer's document landed before an older one.
    for (EventEnvelope envelope : made.reversed()) {
      mongo.insert(
          new Document("_id", roundId + ":" + envelope.data().version())
              .append("outbox", List.of(PendingEvent.toDocument(envelope))),
          "entries");
    }
    kafka =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.getBrokersAsString(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true),
                new StringSerializer(),
                new ByteArraySerializer()));
    OutboxRelay relay =
        new OutboxRelay(
            mongo, kafka, new WypProperties.Outbox(null, 1, null), new SimpleMeterRegistry());
    relay.watch("entries");

    assertThat(relay.relayAll()).isEqualTo(4);

    try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), Topics.JUDGING)) {
      assertThat(topic.readToEnd())
          .extracting(record -> TopicReader.header(record, "ce_id"))
          .containsExactlyElementsOf(made.stream().map(e -> e.id().toString()).toList());
    }
    assertThat(relay.backlog()).isZero();
  }

  private PitchScored scored(long seq) {
    return new PitchScored(
        roundId,
        UUID.randomUUID(),
        seq,
        Stage.FINALS,
        UUID.randomUUID(),
        Map.of("impact", 7),
        70.0,
        "",
        Instant.parse("2026-06-12T13:00:00Z"));
  }
}
