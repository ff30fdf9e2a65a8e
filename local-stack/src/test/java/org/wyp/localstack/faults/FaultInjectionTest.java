package org.wyp.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.DomainEvent;
import org.wyp.events.EventCodec;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.award.AwardAccepted;
import org.wyp.events.judging.PitchNotShortlisted;
import org.wyp.events.problem.ProblemClosed;
import org.wyp.events.round.RoundOpened;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.kit.metrics.EventMetrics;
import org.wyp.kit.testing.ConsumerGroupReplay;
import org.wyp.kit.testing.Http;
import org.wyp.localstack.FaultStack;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults injected into the whole platform on the local stack (the real KRaft broker, the MongoDB
 * wire server, every service and the web front), with traffic flowing through the REST APIs while
 * they strike. After each, the platform must settle, with every accepted request's effects in every
 * downstream projection exactly once and every outbox empty (see {@link FaultScenario}).
 *
 * <p>The tests share one platform, each with rounds of its own; the replay runs last, over all the
 * history the others left, poison records included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

  private static final Duration CROSS_SERVICE = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> SERVICES =
      List.of("problem-service", "submission-service", "judging-service", "award-service");

  private FaultStack stack;
  private Traffic traffic;
  private PlatformRecords records;
  private Http web;

  @BeforeAll
  void startThePlatform(@TempDir Path dataDir) throws Exception {
    stack = FaultStack.start(dataDir);
    records = new PlatformRecords(stack.mongoUri(), stack.databases(), stack.bootstrapServers());
    web = new Http(stack.url("web"));
    awaitHealthy();
    traffic = new Traffic(stack.serviceUrls(), stack.issuerUrl());
  }

  @AfterAll
  void stopThePlatform() {
    if (records != null) {
      records.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * The broker goes down (a controlled shutdown, as a rolling restart does) just after a phase of
   * pitches and scores was accepted, while relays and consumers still have its events in hand; the
   * next phase is accepted with no broker at all, its events waiting in the outboxes; the broker
   * comes back on the same port and data, and the last phase flows. Not simulated: an unclean
   * broker crash (log recovery), or a broker that is unreachable without being down.
   */
  @Test
  @Order(1)
  void aBrokerRestartWhilePitchesAndScoresFlowLosesAndDuplicatesNothing() throws Exception {
    FaultScenario scenario = new FaultScenario("Broker restart", traffic, records);
    scenario.prepare();
    String submissions = stack.url("submission-service");

    scenario.runPhase(0, i -> submissions);
    stack.stopBroker();
    scenario.runPhase(1, i -> submissions);
    assertThat(records.pendingOutboxEvents())
        .as("events accepted while the broker was down wait in their outboxes")
        .isGreaterThanOrEqualTo(FaultScenario.PITCHES_PER_PHASE);
    stack.startBroker();
    scenario.runPhase(2, i -> submissions);

    scenario.finish();
    report("broker restart", scenario.assertEveryEffectExactlyOnce(web));
    awaitHealthy();
  }

  /**
   * judging-service runs in a JVM of its own and is killed with SIGKILL while a phase flows: it is
   * taking in the phase's pitches as SMEs keep pitching, and has just accepted a score. No shutdown
   * hook runs, its consumers commit nothing more, its relay's last sends may be unacknowledged or
   * acknowledged but still in the outbox, and requests in flight lose their answers. The phase's
   * next scores find nobody listening and are retried while it starts again (in this JVM, on the
   * same port, data and consumer group); its dead consumers hold their partitions until their
   * session times out. Not simulated: a kill of the broker or of MongoDB along with it, or a torn
   * MongoDB write (the wire server applies each command whole).
   */
  @Test
  @Order(2)
  void aServiceKilledMidBatchAndRestartedLosesAndDuplicatesNothing() throws Exception {
    stack.instance("judging-service").close();
    FaultStack.OwnJvm judging = stack.startInOwnJvm("judging-service");
    FaultScenario scenario = new FaultScenario("Service killed", traffic, records);
    scenario.prepare();
    String submissions = stack.url("submission-service");
    int uncertainBefore = traffic.uncertainRequests();

    scenario.runPhase(0, i -> submissions);
    CompletableFuture<Void> duringTheKill = scenario.startPhaseHoldingScores(1, i -> submissions);
    await("judging-service to be taking in the next phase's pitches, a score just accepted")
        .atMost(CROSS_SERVICE)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                scenario.scoresHeld()
                    && scenario.pitchesKnownToJudging() > FaultScenario.PITCHES_PER_PHASE);
    int knownAtKill = scenario.pitchesKnownToJudging();
    int acceptedAtKill = scenario.pitchesAccepted();
    judging.kill();
    scenario.releaseScores();
    stack.restartInJvm("judging-service");
    duringTheKill.get(CROSS_SERVICE.toSeconds(), TimeUnit.SECONDS);
    scenario.runPhase(2, i -> submissions);

    scenario.finish();
    FaultScenario.Count count = scenario.assertEveryEffectExactlyOnce(web);
    assertThat(traffic.uncertainRequests() - uncertainBefore)
        .as("requests sent to the killed service and retried")
        .isPositive();
    report(
        "service killed (judging-service had taken in %d of the %d pitches accepted at the kill;"
                .formatted(knownAtKill, acceptedAtKill)
            + " %d requests retried)".formatted(traffic.uncertainRequests() - uncertainBefore),
        count);
    awaitHealthy();
  }

  /**
   * A second submission-service instance joins its consumer group (same group, same database) while
   * pitches and scores flow: the group rebalances and both instances consume, relay and answer
   * requests; then the second leaves, and the group rebalances again onto the first, which also
   * relays whatever the second left in the outboxes. submission-service reads all five event
   * topics, so every one of them is rebalanced.
   */
  @Test
  @Order(3)
  void aRebalanceWhileTwoInstancesRunLosesAndDuplicatesNothing() throws Exception {
    FaultScenario scenario = new FaultScenario("Rebalance", traffic, records);
    scenario.prepare();
    String first = stack.url("submission-service");

    scenario.runPhase(0, i -> first);
    FaultStack.InJvm second = stack.startInJvm("submission-service", 0);
    double consumedBySecond;
    try {
      int members = awaitGroupMembers("submission-service", 2);
      scenario.runPhase(1, i -> i % 2 == 0 ? first : second.baseUrl());
      consumedBySecond =
          second
              .context()
              .getBean(MeterRegistry.class)
              .find(EventMetrics.CONSUMED)
              .counters()
              .stream()
              .mapToDouble(Counter::count)
              .sum();
      System.out.printf("[faults] rebalance: %d group members with two instances%n", members);
    } finally {
      second.close();
    }
    awaitGroupMembers("submission-service", 1);
    scenario.runPhase(2, i -> first);

    scenario.finish();
    report(
        "rebalance (the second instance consumed %.0f records before it left)"
            .formatted(consumedBySecond),
        scenario.assertEveryEffectExactlyOnce(web));
    awaitHealthy();
  }

  /** Kinds of poison, one of each per partition of every consumed topic. */
  enum Poison {
    /** A known event type whose body is not JSON. */
    MALFORMED_JSON,
    /** No {@code ce_type} at all: nothing says what the record is. */
    NO_TYPE,
    /** Valid JSON of a known type with an invalid value: version 0. */
    INVALID_VALUE,
    /**
     * A well-formed event of a type this version does not know (a newer producer's). DESIGN.md's
     * evolution rule is that consumers ignore unknown types, so it is skipped, not dead-lettered.
     */
    UNKNOWN_TYPE
  }

  private record Sent(String topic, int partition, Poison kind, String key) {}

  /**
   * Poison records on every partition of every topic a consumer group reads: each dead-letterable
   * one lands in the topic's dead-letter topic exactly once per consumer group that reads it, with
   * the failure in its headers; unknown types are skipped; every service stays healthy; and the
   * records that follow are processed (a whole scenario is counted after the poison, and every
   * group commits past it). The public update topic, which the web front reads without a group,
   * gets poison of its own: skipped, and the board goes on.
   */
  @Test
  @Order(4)
  void poisonRecordsOnEveryConsumedTopicGoToTheirDeadLetterTopicsAndLaterRecordsAreProcessed()
      throws Exception {
    List<Sent> sent = new ArrayList<>();
    Set<String> webPoison = new HashSet<>();
    try (KafkaProducer<String, byte[]> producer = producer();
        Admin admin = records.admin()) {
      Map<String, Integer> partitions = new HashMap<>();
      admin
          .describeTopics(PlatformRecords.EVENT_TOPICS)
          .allTopicNames()
          .get()
          .forEach((topic, description) -> partitions.put(topic, description.partitions().size()));
      for (String topic : PlatformRecords.EVENT_TOPICS) {
        for (int partition = 0; partition < partitions.get(topic); partition++) {
          for (Poison kind : Poison.values()) {
            sent.add(sendPoison(producer, topic, partition, kind));
          }
        }
      }
      webPoison.addAll(sendWebPoison(producer));
    }

    FaultScenario scenario = new FaultScenario("After poison", traffic, records);
    scenario.prepare();
    for (int phase = 0; phase < FaultScenario.PHASES; phase++) {
      scenario.runPhase(phase, i -> stack.url("submission-service"));
    }
    scenario.finish();
    report("poison, then", scenario.assertEveryEffectExactlyOnce(web));
    awaitHealthy();

    int deadLettered = 0;
    for (String topic : PlatformRecords.EVENT_TOPICS) {
      Map<String, Sent> ours =
          sent.stream()
              .filter(s -> s.topic().equals(topic))
              .collect(Collectors.toMap(Sent::key, s -> s));
      List<String> expected = new ArrayList<>();
      for (Sent poison : ours.values()) {
        if (poison.kind() != Poison.UNKNOWN_TYPE) {
          for (String group : groupsReading(topic)) {
            expected.add(deadLetter(poison, group, "org.wyp.events.EventDecodingException", true));
          }
        }
      }
      List<String> dead =
          records.records(Topics.deadLetterOf(topic)).stream()
              .filter(r -> ours.containsKey(r.key()))
              .map(
                  r ->
                      deadLetter(
                          new Sent(
                              PlatformRecords.header(r, "kafka_dlt-original-topic"),
                              PlatformRecords.intHeader(r, "kafka_dlt-original-partition"),
                              ours.get(r.key()).kind(),
                              r.key()),
                          PlatformRecords.header(r, "kafka_dlt-original-consumer-group"),
                          PlatformRecords.header(r, "kafka_dlt-exception-cause-fqcn"),
                          !PlatformRecords.header(r, "kafka_dlt-exception-message").isBlank()))
              .sorted()
              .toList();
      assertThat(dead)
          .as("dead letters on %s: one per poison record and consumer group", topic)
          .containsExactlyElementsOf(expected.stream().sorted().toList());
      deadLettered += dead.size();
    }
    Map<String, ?> board = PlatformRecords.board(web);
    assertThat(board.keySet()).as("web's board").doesNotContainAnyElementsOf(webPoison);
    System.out.printf(
        "[faults] poison: %d records on %d topics, %d dead letters, %d unknown types skipped%n",
        sent.size(),
        PlatformRecords.EVENT_TOPICS.size(),
        deadLettered,
        sent.stream().filter(s -> s.kind() == Poison.UNKNOWN_TYPE).count());
  }

  /**
   * Every consumer group is reset to the earliest offset of every topic it reads (listeners
   * stopped, offsets rewound, listeners started, as an operator would with {@code
   * kafka-consumer-groups.sh --reset-offsets --to-earliest}) and re-consumes the whole history the
   * earlier tests left, faults, duplicates and poison included: every document of every service's
   * database is identical before and after, re-consumption publishes no event, and each poison
   * record is dead-lettered once more.
   */
  @Test
  @Order(5)
  void replayingEveryConsumerGroupFromTheEarliestOffsetLeavesEveryProjectionAsItWas()
      throws Exception {
    if (records.find("problem-service", "rounds").isEmpty()) {
      // Run on its own: give the replay some history.
      FaultScenario scenario = new FaultScenario("Replay", traffic, records);
      scenario.prepare();
      for (int phase = 0; phase < FaultScenario.PHASES; phase++) {
        scenario.runPhase(phase, i -> stack.url("submission-service"));
      }
      scenario.finish();
    }
    records.awaitSettled("before the replay");
    List<String> published = new ArrayList<>(PlatformRecords.EVENT_TOPICS);
    published.add(Topics.UPDATES);
    List<String> deadLetterTopics =
        PlatformRecords.EVENT_TOPICS.stream().map(Topics::deadLetterOf).toList();
    Map<String, Map<String, String>> before = records.snapshot();
    Map<TopicPartition, Long> publishedBefore = records.endOffsets(published);
    long deadLettersBefore = total(records.endOffsets(deadLetterTopics));

    long replayed = 0;
    for (String service : SERVICES) {
      KafkaListenerEndpointRegistry listeners =
          stack.instance(service).context().getBean(KafkaListenerEndpointRegistry.class);
      List<String> topics =
          listeners.getListenerContainers().stream()
              .flatMap(c -> Arrays.stream(c.getContainerProperties().getTopics()))
              .distinct()
              .sorted()
              .toList();
      assertThat(topics)
          .as("topics %s's listeners read", service)
          .containsExactlyInAnyOrderElementsOf(PlatformRecords.CONSUMED.get(service));
      replayed += total(records.endOffsets(topics));
      ConsumerGroupReplay.replay(listeners, stack.bootstrapServers(), service, topics, () -> {});
    }
    records.awaitSettled("after the replay");

    Map<String, Map<String, String>> after = records.snapshot();
    assertThat(after.keySet()).as("collections").isEqualTo(before.keySet());
    before.forEach(
        (collection, documents) ->
            assertThat(after.get(collection))
                .as("documents of %s after the replay", collection)
                .containsExactlyEntriesOf(documents));
    assertThat(records.endOffsets(published))
        .as("end offsets of the event and update topics: re-consuming published nothing")
        .isEqualTo(publishedBefore);
    assertThat(total(records.endOffsets(deadLetterTopics)))
        .as("dead letters: each one made again, nothing else")
        .isEqualTo(2 * deadLettersBefore);
    System.out.printf(
        "[faults] replay: %d records re-consumed by %d groups; %d collections, %d documents"
            + " unchanged%n",
        replayed,
        SERVICES.size(),
        before.size(),
        before.values().stream().mapToInt(Map::size).sum());
  }

  // Poison

  private Sent sendPoison(
      KafkaProducer<String, byte[]> producer, String topic, int partition, Poison kind)
      throws Exception {
    String key = UUID.randomUUID().toString();
    DomainEvent valid = validEventFor(topic);
    EventEnvelope envelope = EventEnvelope.wrap(valid, "/wyp/fault-test", Instant.now());
    Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(envelope));
    byte[] body = EventCodec.toJson(valid);
    switch (kind) {
      case MALFORMED_JSON ->
          body = "{\"version\": 1, \"roundId\": \"".getBytes(StandardCharsets.UTF_8);
      case NO_TYPE -> headers.remove(CloudEventHeaders.TYPE);
      case INVALID_VALUE -> {
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        tree.put("version", 0);
        body = JSON.writeValueAsBytes(tree);
      }
      case UNKNOWN_TYPE ->
          headers.put(
              CloudEventHeaders.TYPE, envelope.type().replaceAll("\\.v\\d+$", "Renamed.v9"));
    }
    send(producer, topic, partition, key, headers, body);
    return new Sent(topic, partition, kind, key);
  }

  /** One event of a type each topic carries, with random ids. */
  private static DomainEvent validEventFor(String topic) {
    UUID id = UUID.randomUUID();
    UUID round = UUID.randomUUID();
    Instant now = Instant.now();
    return switch (topic) {
      case Topics.ROUNDS -> new RoundOpened(id, 1, now);
      case Topics.PROBLEMS -> new ProblemClosed(id, 1, round, now);
      case Topics.SUBMISSIONS ->
          new SubmissionWithdrawn(id, 1, round, UUID.randomUUID(), UUID.randomUUID(), now);
      case Topics.JUDGING -> new PitchNotShortlisted(round, id, 1, null, now);
      case Topics.AWARDS -> new AwardAccepted(id, 1, round, UUID.randomUUID(), now);
      default -> throw new IllegalArgumentException(topic);
    };
  }

  /** A value that is not JSON, a key of no known kind, and a value that is not a JSON object. */
  private static List<String> sendWebPoison(KafkaProducer<String, byte[]> producer)
      throws Exception {
    List<String> keys =
        List.of(
            "problem:" + UUID.randomUUID(),
            "nonsense:" + UUID.randomUUID(),
            "round:" + UUID.randomUUID());
    send(
        producer,
        Topics.UPDATES,
        null,
        keys.get(0),
        Map.of(),
        "{\"title\": ".getBytes(StandardCharsets.UTF_8));
    send(
        producer,
        Topics.UPDATES,
        null,
        keys.get(1),
        Map.of(),
        "{}".getBytes(StandardCharsets.UTF_8));
    send(
        producer,
        Topics.UPDATES,
        null,
        keys.get(2),
        Map.of(),
        "[1, 2]".getBytes(StandardCharsets.UTF_8));
    return keys;
  }

  private static void send(
      KafkaProducer<String, byte[]> producer,
      String topic,
      Integer partition,
      String key,
      Map<String, String> headers,
      byte[] value)
      throws Exception {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
    producer
        .send(new ProducerRecord<>(topic, partition, key, value, recordHeaders))
        .get(30, TimeUnit.SECONDS);
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /** A dead letter as the test compares it: what was sent where, who failed on it, and why. */
  private static String deadLetter(Sent poison, String group, String cause, boolean explained) {
    return "%s %s from %s[%d] by %s: %s%s"
        .formatted(
            poison.key(),
            poison.kind(),
            poison.topic(),
            poison.partition(),
            group,
            cause,
            explained ? "" : " without a message");
  }

  private static List<String> groupsReading(String topic) {
    return PlatformRecords.CONSUMED.entrySet().stream()
        .filter(e -> e.getValue().contains(topic))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  // Helpers

  /**
   * Waits until the service's consumer group has the consumers of this many instances (each
   * listener container of each instance is a member), each with partitions, and every partition is
   * assigned.
   */
  private int awaitGroupMembers(String group, int instances) throws Exception {
    int members =
        instances
            * stack
                .instance(group)
                .context()
                .getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainers()
                .stream()
                .mapToInt(
                    c ->
                        c instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                            ? concurrent.getConcurrency()
                            : 1)
                .sum();
    try (Admin admin = records.admin()) {
      int partitions =
          admin
              .describeTopics(PlatformRecords.CONSUMED.get(group))
              .allTopicNames()
              .get()
              .values()
              .stream()
              .mapToInt(description -> description.partitions().size())
              .sum();
      await("consumer group %s to settle on %d members".formatted(group, members))
          .atMost(CROSS_SERVICE)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(
              () -> {
                ConsumerGroupDescription description =
                    admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                List<MemberDescription> current = new ArrayList<>(description.members());
                Set<TopicPartition> assigned =
                    new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
                current.forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
                return current.size() == members
                    && current.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())
                    && assigned.size() == partitions;
              });
    }
    return members;
  }

  private void awaitHealthy() {
    List<String> services = new ArrayList<>(SERVICES);
    services.add("web");
    for (String service : services) {
      Http http = new Http(stack.url(service));
      await(service + " to be healthy")
          .atMost(CROSS_SERVICE)
          .ignoreExceptions()
          .until(
              () -> {
                Http.Response health = http.get("/actuator/health");
                return health.status() == 200 && "UP".equals(health.text("status"));
              });
    }
  }

  private static long total(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void report(String fault, FaultScenario.Count count) {
    System.out.printf("[faults] %s: %s%n", fault, count);
  }
}
