package org.wyp.bench.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.wyp.bench.report.Baseline;
import org.wyp.bench.report.Measurement;
import org.wyp.bench.report.Target;
import org.wyp.bench.setup.Programme;
import org.wyp.bench.stack.StackProcess;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.EventCodec;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.submission.SubmissionReceived;

/**
 * How fast the services' consumers turn a burst of submission events into their projections, beside
 * the two limits of the same machine measured in the same run: reading the same records from the
 * broker with a plain consumer, and writing as many documents to the same MongoDB server with bulk
 * inserts. The events are well-formed pitches to a real round's problem, published as
 * submission-service's outbox would; every consumer group of the topic is timed until its committed
 * offsets reach the end.
 */
public final class PipelineBenchmark {

  private static final String NAME = "pipeline";

  /** The projection the target is checked on: judging-service's pitches. */
  private static final String MEASURED_GROUP = "judging-service";

  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);
  private static final int BULK_BATCH = 1_000;

  private final StackProcess stack;
  private final int events;
  private final PrintStream progress;

  public PipelineBenchmark(StackProcess stack, int events, PrintStream progress) {
    this.stack = stack;
    this.events = events;
    this.progress = progress;
  }

  public List<Measurement> run() throws Exception {
    Programme programme = new Programme(stack);
    UUID round = programme.openRound("Pipeline benchmark");
    UUID problem = programme.publishProblems(round, 1).getFirst();

    try (Admin admin = Admin.create(kafka())) {
      List<TopicPartition> partitions = partitions(admin);
      Map<TopicPartition, Long> before = endOffsets(admin, partitions);
      List<String> groups = groupsConsuming(admin, partitions);
      progress.printf(
          "[bench] pipeline: %,d submission events to %s, consumed by %s ...%n",
          events, Topics.SUBMISSIONS, String.join(", ", groups));

      long begin = System.nanoTime();
      publish(round, problem);
      Map<TopicPartition, Long> after = endOffsets(admin, partitions);
      Map<String, Duration> caughtUp = awaitCaughtUp(admin, groups, after, begin);

      double rawConsume = rawConsumption(partitions, before);
      double rawBulk = rawBulkInserts();

      List<Measurement> figures = new ArrayList<>();
      Baseline bulk = new Baseline("raw bulk insert", rawBulk);
      for (Map.Entry<String, Duration> group : caughtUp.entrySet()) {
        double rate = events / (group.getValue().toNanos() / 1e9);
        Measurement figure =
            Measurement.of(NAME, group.getKey() + " projection", rate, "events/s").against(bulk);
        figures.add(
            group.getKey().equals(MEASURED_GROUP)
                ? figure.target(Target.ratioAtLeast(0.5))
                : figure);
      }
      figures.add(
          Measurement.of(
              NAME, "raw Kafka consumption of the same records", rawConsume, "events/s"));
      figures.add(
          Measurement.of(
              NAME, "raw MongoDB bulk insert, batches of " + BULK_BATCH, rawBulk, "docs/s"));
      return figures;
    }
  }

  private void publish(UUID round, UUID problem) throws InterruptedException, ExecutionException {
    Properties config = kafka();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < events; i++) {
        SubmissionReceived event =
            new SubmissionReceived(
                UUID.randomUUID(),
                1,
                round,
                problem,
                UUID.randomUUID(),
                "Bench Pipeline " + i + " Ltd",
                String.format("%08d", i),
                "Pitch " + i,
                "A pilot with local services, measured against the problem's goal",
                4_500_000,
                Instant.now());
        EventEnvelope envelope = EventEnvelope.wrap(event, "bench", Instant.now());
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(envelope)
            .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(
            new ProducerRecord<>(
                Topics.SUBMISSIONS, null, envelope.key(), EventCodec.toJson(event), headers));
      }
      producer.flush();
    }
  }

  private Map<String, Duration> awaitCaughtUp(
      Admin admin, List<String> groups, Map<TopicPartition, Long> end, long begin)
      throws Exception {
    Map<String, Duration> caughtUp = new LinkedHashMap<>();
    long deadline = begin + CATCH_UP_TIMEOUT.toNanos();
    while (caughtUp.size() < groups.size()) {
      for (String group : groups) {
        if (!caughtUp.containsKey(group) && committedReach(admin, group, end)) {
          Duration took = Duration.ofNanos(System.nanoTime() - begin);
          caughtUp.put(group, took);
          progress.printf(
              "[bench] pipeline: %s caught up in %.1f s%n", group, took.toMillis() / 1000.0);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "consumer groups not caught up in " + CATCH_UP_TIMEOUT + ": " + groups);
      }
      Thread.sleep(20);
    }
    return caughtUp;
  }

  private static boolean committedReach(Admin admin, String group, Map<TopicPartition, Long> end)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return end.entrySet().stream()
        .allMatch(
            e -> {
              OffsetAndMetadata offset = committed.get(e.getKey());
              return e.getValue() == 0 || (offset != null && offset.offset() >= e.getValue());
            });
  }

  /** Reads the benchmark's records again with a plain consumer: the broker's own limit. */
  private double rawConsumption(List<TopicPartition> partitions, Map<TopicPartition, Long> from) {
    Properties config = kafka();
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.assign(partitions);
      from.forEach(consumer::seek);
      long read = 0;
      long begin = System.nanoTime();
      while (read < events) {
        read += consumer.poll(Duration.ofMillis(500)).count();
        if (System.nanoTime() - begin > CATCH_UP_TIMEOUT.toNanos()) {
          throw new IllegalStateException("read only " + read + " of " + events + " records");
        }
      }
      return read / ((System.nanoTime() - begin) / 1e9);
    }
  }

  /**
   * Inserts as many documents as there were events, shaped like a projected pitch, into a scratch
   * database of the same server, which is dropped afterwards: the server's own write limit.
   */
  private double rawBulkInserts() {
    try (MongoClient client = MongoClients.create(stack.mongoUri())) {
      var database = client.getDatabase("wyp-bench-scratch");
      MongoCollection<Document> collection = database.getCollection("raw_writes");
      long begin = System.nanoTime();
      List<Document> batch = new ArrayList<>(BULK_BATCH);
      for (int i = 0; i < events; i++) {
        batch.add(
            new Document("_id", UUID.randomUUID().toString())
                .append("roundId", UUID.randomUUID().toString())
                .append("problemId", UUID.randomUUID().toString())
                .append("smeId", UUID.randomUUID().toString())
                .append("submittedAt", new Date())
                .append("smeName", "Bench Pipeline " + i + " Ltd")
                .append("title", "Pitch " + i)
                .append(
                    "summary", "A pilot with local services, measured against the problem's goal")
                .append("requestedPence", 4_500_000L)
                .append("version", 1L)
                .append("withdrawn", false));
        if (batch.size() == BULK_BATCH || i == events - 1) {
          collection.insertMany(batch, new InsertManyOptions().ordered(false));
          batch.clear();
        }
      }
      double rate = events / ((System.nanoTime() - begin) / 1e9);
      database.drop();
      return rate;
    }
  }

  private static List<TopicPartition> partitions(Admin admin) throws Exception {
    return admin
        .describeTopics(List.of(Topics.SUBMISSIONS))
        .allTopicNames()
        .get()
        .get(Topics.SUBMISSIONS)
        .partitions()
        .stream()
        .map(p -> new TopicPartition(Topics.SUBMISSIONS, p.partition()))
        .toList();
  }

  private static Map<TopicPartition, Long> endOffsets(
      Admin admin, Collection<TopicPartition> partitions) throws Exception {
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all()
        .get()
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** The consumer groups some of whose members read the topic: the services that project it. */
  private static List<String> groupsConsuming(Admin admin, List<TopicPartition> partitions)
      throws Exception {
    List<String> ids = admin.listGroups().all().get().stream().map(g -> g.groupId()).toList();
    return admin.describeConsumerGroups(ids).all().get().values().stream()
        .filter(
            group ->
                group.members().stream()
                    .anyMatch(
                        member ->
                            member.assignment().topicPartitions().stream()
                                .anyMatch(partitions::contains)))
        .map(group -> group.groupId())
        .sorted()
        .toList();
  }

  private Properties kafka() {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    return config;
  }
}
