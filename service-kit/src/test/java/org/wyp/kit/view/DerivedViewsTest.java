package org.wyp.kit.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.view.PublicProblemStats;
import org.wyp.events.view.PublicViews;
import org.wyp.kit.WypProperties;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.EmbeddedMongo;
import org.wyp.kit.testing.TopicReader;

/**
 * Derived views are published when they change and only then, stay monotonic under a concurrent
 * refresh, and reach the update topic as values and tombstones. Real broker, real wire server.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.UPDATES)
class DerivedViewsTest {

  private final UUID problemId = UUID.randomUUID();
  private final UUID roundId = UUID.randomUUID();
  MongoClient client;
  MongoTemplate mongo;
  KafkaTemplate<String, byte[]> kafka;
  OutboxRelay relay;
  DerivedViews views;

  @BeforeEach
  void setUp(EmbeddedKafkaBroker broker) {
    client = MongoClients.create(EmbeddedMongo.connectionString());
    mongo = new MongoTemplate(client, "views-" + UUID.randomUUID());
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
    relay =
        new OutboxRelay(
            mongo, kafka, new WypProperties.Outbox(null, null, null), new SimpleMeterRegistry());
    views =
        new DerivedViews(
            new AggregateStoreSupport(
                mongo,
                relay,
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC),
                "/wyp/test-service"));
  }

  @AfterEach
  void tearDown() {
    client.close();
    kafka.destroy();
  }

  @Test
  void aViewIsPublishedWhenItChangesAndATombstoneWhenItGoes(EmbeddedKafkaBroker broker) {
    assertThat(views.refresh(PublicViews.PROBLEM_STATS, problemId, () -> stats(1))).isTrue();
    assertThat(views.refresh(PublicViews.PROBLEM_STATS, problemId, () -> stats(1))).isFalse();
    assertThat(views.refresh(PublicViews.PROBLEM_STATS, problemId, () -> stats(2))).isTrue();
    assertThat(views.refresh(PublicViews.PROBLEM_STATS, problemId, Optional::empty)).isTrue();
    assertThat(views.refresh(PublicViews.PROBLEM_STATS, problemId, Optional::empty)).isFalse();

    assertThat(relay.relayAll()).isEqualTo(3);
    try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), Topics.UPDATES)) {
      var records = topic.readToEnd();
      assertThat(records)
          .extracting(ConsumerRecord::key)
          .containsOnly("problem-stats:" + problemId)
          .hasSize(3);
      assertThat(records)
          .extracting(record -> TopicReader.header(record, "ce_type"))
          .containsOnly("wyp.view.problem-stats.v1");
      assertThat(submissionsIn(records.get(0))).isEqualTo(1);
      assertThat(submissionsIn(records.get(1))).isEqualTo(2);
      assertThat(records.get(2).value()).isNull();
    }
  }

  @Test
  void removingWhatWasNeverPublishedPublishesNothing() {
    assertThat(views.refresh(PublicViews.PROBLEM_STATS, problemId, Optional::empty)).isFalse();
    assertThat(relay.backlog()).isZero();
  }

  @Test
  void aRefreshThatReadOlderDataThanAConcurrentOneRecomputesInsteadOfOverwriting() {
    AtomicLong live = new AtomicLong(5);
    views.refresh(PublicViews.PROBLEM_STATS, problemId, () -> stats(live.get()));
    AtomicBoolean interfered = new AtomicBoolean();

    views.refresh(
        PublicViews.PROBLEM_STATS,
        problemId,
        () -> {
          long seen = live.get();
          if (interfered.compareAndSet(false, true)) {
            // Another refresh saw a newer count and saved it after this one loaded the view.
            live.set(7);
            mongo.updateFirst(
                Query.query(Criteria.where("_id").is("problem-stats:" + problemId)),
                new Update().inc("version", 1).set("json", "{\"submissions\":7}"),
                "public_views");
          }
          return stats(seen);
        });

    Document stored = mongo.findById("problem-stats:" + problemId, Document.class, "public_views");
    assertThat(stored.getString("json")).contains("\"submissions\":7");
  }

  private Optional<PublicProblemStats> stats(long submissions) {
    return Optional.of(new PublicProblemStats(problemId, roundId, submissions));
  }

  private static long submissionsIn(ConsumerRecord<String, byte[]> record) {
    return EventCodec.viewFromJson(record.value(), PublicProblemStats.class).submissions();
  }
}
