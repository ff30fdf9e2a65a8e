package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.health.contributor.Status;
import org.wyp.events.Topics;
import org.wyp.kit.health.KafkaClusterHealth;
import org.wyp.web.board.PublicBoard;
import org.wyp.web.board.UpdatesFeed;

/**
 * The compose deployment's Kafka security, run: a real Kafka broker in this JVM with the settings
 * {@code deploy/docker-compose.yml} gives the {@code kafka} container (as the apache/kafka image
 * renders them, the JAAS file its start script writes) with only its addresses moved to free
 * loopback ports, then the users, topics and ACLs {@code kafka-init} creates from {@code
 * deploy/kafka/}. Each service then connects with the settings Spring Boot binds from its compose
 * environment, and may write, read and join groups exactly as the ACLs say, and nothing more.
 *
 * <p>Not run here: Docker Compose itself, the image's start-up scripts and {@code init.sh} (this
 * test applies the same tables through the admin API that the script applies with Kafka's tools).
 */
class ComposeKafkaAclsTest {

  private static final String ADMIN = "admin";

  private static Path logDir;
  private static KafkaRaftServer server;
  private static String clientBootstrap;
  private static String adminBootstrap;
  private static String adminPassword;
  private static Admin admin;

  @BeforeAll
  static void startTheComposeBrokerAndRunKafkaInit() throws Exception {
    logDir = Files.createTempDirectory("compose-kafka");
    Map<String, String> environment = ComposeKafka.environment(ComposeKafka.BROKER);
    Map<String, String> config = new LinkedHashMap<>(ComposeKafka.brokerProperties(environment));

    String client = clientListener(config);
    // The container's addresses, moved to free ports on the loopback interface.
    Map<String, String> listeners = ComposeKafka.listeners(config.get("listeners"));
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String listener : listeners.keySet()) {
      ports.put(listener, freePort());
    }
    config.put("listeners", addresses(listeners, ports));
    config.put(
        "advertised.listeners",
        addresses(ComposeKafka.listeners(config.get("advertised.listeners")), ports));
    String controller = config.get("controller.listener.names");
    config.put(
        "controller.quorum.voters", config.get("node.id") + "@127.0.0.1:" + ports.get(controller));
    config.put("log.dirs", logDir.toString());

    // The JAAS file start-broker.sh writes, as the equivalent listener settings: the broker reads
    // listener.name.<listener>.<mechanism>.sasl.jaas.config before a <listener>.KafkaServer
    // section.
    adminPassword = environment.get("WYP_KAFKA_ADMIN_PASSWORD");
    ComposeKafka.jaasSections(adminPassword)
        .forEach(
            (listener, loginModule) -> {
              List<String> mechanisms = ComposeKafka.mechanisms(config, listener);
              assertThat(mechanisms).as("mechanisms of %s", listener).hasSize(1);
              config.put(
                  "listener.name."
                      + listener
                      + "."
                      + mechanisms.get(0).toLowerCase(Locale.ROOT)
                      + ".sasl.jaas.config",
                  loginModule);
            });

    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(Integer.parseInt(config.get("node.id")))
        .setClusterId(Uuid.randomUuid().toString())
        .addDirectory(logDir.toString())
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName(controller)
        .run();
    server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    server.startup();

    String interBroker = config.get("inter.broker.listener.name");
    clientBootstrap = "127.0.0.1:" + ports.get(client);
    adminBootstrap = "127.0.0.1:" + ports.get(interBroker);
    admin = Admin.create(adminSettings(adminPassword));
    runKafkaInit();
  }

  @AfterAll
  static void stopTheBroker() throws Exception {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
    }
    if (logDir != null) {
      try (Stream<Path> paths = Files.walk(logDir)) {
        paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** What init.sh does, through the admin API instead of Kafka's command-line tools. */
  private static void runKafkaInit() throws Exception {
    Map<String, String> init = ComposeKafka.environment(ComposeKafka.INIT);
    List<UserScramCredentialUpsertion> users = new ArrayList<>();
    for (String principal : ComposeKafka.grantsByPrincipal().keySet()) {
      String password = init.get(ComposeKafka.passwordVariable(principal));
      assertThat(password).as("kafka-init's password of %s", principal).isNotBlank();
      // kafka-configs.sh --add-config 'SCRAM-SHA-512=[password=...]' uses 4096 iterations.
      users.add(
          new UserScramCredentialUpsertion(
              principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password));
    }
    admin.alterUserScramCredentials(List.copyOf(users)).all().get(30, TimeUnit.SECONDS);

    int partitions = Integer.parseInt(init.get("WYP_KAFKA_PARTITIONS"));
    short replicas = Short.parseShort(init.get("WYP_KAFKA_REPLICATIONFACTOR"));
    admin
        .createTopics(
            ComposeKafka.topics().stream()
                .map(
                    topic ->
                        new NewTopic(topic.name(), partitions, replicas).configs(topic.configs()))
                .toList())
        .all()
        .get(30, TimeUnit.SECONDS);

    List<AclBinding> acls = new ArrayList<>();
    for (ComposeKafka.Acl acl : ComposeKafka.acls()) {
      // kafka-acls.sh --add --allow-principal User:<p> --operation <op> --topic|--group <name>
      ResourceType type = ResourceType.fromString(acl.resourceType().toUpperCase(Locale.ROOT));
      acls.add(
          new AclBinding(
              new ResourcePattern(type, acl.name(), PatternType.LITERAL),
              new AccessControlEntry(
                  "User:" + acl.principal(),
                  "*",
                  AclOperation.fromString(acl.operation()),
                  AclPermissionType.ALLOW)));
    }
    admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);

    // The controller has them; wait until the broker, which answers these from its own copy of
    // the metadata (and authorizes with it), has them too.
    Set<String> principals = ComposeKafka.grantsByPrincipal().keySet();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls)
                    && admin.describeUserScramCredentials().users().get().containsAll(principals)
                    && admin.listTopics().names().get().containsAll(createdTopics()));
  }

  static Stream<PlatformService> services() {
    return PlatformServices.ALL.stream();
  }

  static Stream<PlatformService> servicesOnTheKit() {
    return PlatformServices.ALL.stream().filter(PlatformService::hasDatabase);
  }

  @ParameterizedTest
  @MethodSource("services")
  void eachServiceWritesExactlyTheTopicsItsAclsAllow(PlatformService service) throws Exception {
    Set<String> writable = granted(service, "WRITE", "topic");
    Set<String> topics = createdTopics();
    Map<String, Object> settings = clientSettings(service).buildProducerProperties();
    // As service-kit's producer factory sets them.
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);

    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
      for (String topic : writable) {
        Future<?> sent = producer.send(record(topic, service));
        sent.get(30, TimeUnit.SECONDS);
      }
      for (String topic : topics) {
        if (writable.contains(topic)) {
          continue;
        }
        Throwable refused = failureOf(() -> producer.send(record(topic, service)));
        assertThat(refused)
            .as("%s writing %s", service.name(), topic)
            .isInstanceOf(AuthorizationException.class);
        if (!writable.isEmpty()) {
          assertThat(refused).isInstanceOf(TopicAuthorizationException.class);
          assertThat(((TopicAuthorizationException) refused).unauthorizedTopics())
              .containsExactly(topic);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("servicesOnTheKit")
  void eachServiceConsumesItsTopicsInItsOwnGroupAndNothingElse(PlatformService service) {
    Set<String> readable = granted(service, "READ", "topic");
    Map<String, Object> settings = clientSettings(service).buildConsumerProperties();
    String group = String.valueOf(settings.get(ConsumerConfig.GROUP_ID_CONFIG));
    assertThat(granted(service, "READ", "group")).containsExactly(group);
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);

    // Joins its group, is given every partition of its topics and commits its position.
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
      consumer.subscribe(readable);
      int partitions = readable.size() * partitionCount();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200));
                return consumer.assignment().size() == partitions;
              });
      consumer.commitSync(Duration.ofSeconds(10));
    }

    // Every other topic is refused: those it may not even see when it looks them up, those it
    // may write (WRITE implies DESCRIBE) when it fetches.
    Set<String> others = new TreeSet<>(createdTopics());
    others.removeAll(readable);
    Map<String, Object> withoutGroup = new HashMap<>(settings);
    withoutGroup.remove(ConsumerConfig.GROUP_ID_CONFIG);
    for (String topic : others) {
      assertThat(readFailure(withoutGroup, topic))
          .as("%s reading %s", service.name(), topic)
          .isInstanceOf(TopicAuthorizationException.class)
          .satisfies(
              refused ->
                  assertThat(((TopicAuthorizationException) refused).unauthorizedTopics())
                      .containsExactly(topic));
    }

    // Another group is refused, even on its own topics.
    Map<String, Object> otherGroup = new HashMap<>(settings);
    otherGroup.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-other");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(otherGroup)) {
      consumer.subscribe(readable);
      assertThat(pollFailure(consumer))
          .as("%s in group %s-other", service.name(), group)
          .isInstanceOf(GroupAuthorizationException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("servicesOnTheKit")
  void eachServiceKafkaHealthIsUp(PlatformService service) {
    KafkaClusterHealth health =
        new KafkaClusterHealth(
            clientSettings(service).buildAdminProperties(), Duration.ofSeconds(10));
    try {
      assertThat(health.health().getStatus())
          .as("%s Kafka health", service.name())
          .isEqualTo(Status.UP);
    } finally {
      health.destroy();
    }
  }

  @Test
  void webReadsTheWholeUpdateTopicWithoutAGroupAndNothingElse() throws Exception {
    PlatformService web = service("web");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettingsOfAdmin())) {
      producer.send(record(Topics.UPDATES, web)).get(30, TimeUnit.SECONDS);
    }

    // The web front's own reader, with the settings Spring Boot binds from its compose
    // environment, catches up with the topic.
    PublicBoard board = new PublicBoard("composeacls", 100);
    UpdatesFeed feed = new UpdatesFeed(board, clientSettings(web).buildConsumerProperties());
    feed.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(feed::caughtUp);
      assertThat(feed.lastError()).isNull();
    } finally {
      feed.stop();
    }

    Map<String, Object> settings = clientSettings(web).buildConsumerProperties();
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    for (String topic : createdTopics()) {
      if (!topic.equals(Topics.UPDATES)) {
        assertThat(readFailure(settings, topic))
            .as("web reading %s", topic)
            .isInstanceOf(TopicAuthorizationException.class);
      }
    }
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, web.name());
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
      consumer.subscribe(List.of(Topics.UPDATES));
      assertThat(pollFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
    }
  }

  @Test
  void aWrongPasswordOrNoneIsRefused() {
    PlatformService service = service("problem-service");
    Map<String, Object> settings = clientSettings(service).buildAdminProperties();
    settings.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"problem-service\" password=\"not-the-password\";");
    assertThat(describeClusterFailure(settings)).isInstanceOf(SaslAuthenticationException.class);

    // The admin user exists only on the admin listener, with PLAIN.
    Map<String, Object> adminOnClientListener = new HashMap<>(adminSettings(adminPassword));
    adminOnClientListener.put("bootstrap.servers", clientBootstrap);
    assertThat(describeClusterFailure(adminOnClientListener)).isNotNull();

    Map<String, Object> anonymous = new HashMap<>();
    anonymous.put("bootstrap.servers", clientBootstrap);
    anonymous.put("request.timeout.ms", 3_000);
    anonymous.put("default.api.timeout.ms", 5_000);
    assertThat(describeClusterFailure(anonymous)).as("a client without SASL").isNotNull();
  }

  // --- helpers ---

  private static Throwable describeClusterFailure(Map<String, Object> settings) {
    Map<String, Object> bounded = new HashMap<>(settings);
    bounded.putIfAbsent("request.timeout.ms", 5_000);
    bounded.putIfAbsent("default.api.timeout.ms", 10_000);
    try (Admin client = Admin.create(bounded)) {
      client.describeCluster().clusterId().get(15, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  /** The exception reading a topic's first partition from the start ends in, without a group. */
  private static Throwable readFailure(Map<String, Object> settings, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      consumer.seekToBeginning(consumer.assignment());
      return pollFailure(consumer);
    }
  }

  /** The exception a poll ends in, within a minute. */
  private static Throwable pollFailure(KafkaConsumer<String, byte[]> consumer) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        consumer.poll(Duration.ofMillis(500));
      } catch (RuntimeException e) {
        return e;
      }
    }
    throw new AssertionError("polling kept succeeding");
  }

  /** The exception a send ends in, whether send() throws it or its future completes with it. */
  private static Throwable failureOf(java.util.concurrent.Callable<Future<?>> send) {
    try {
      send.call().get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  private static ProducerRecord<String, byte[]> record(String topic, PlatformService service) {
    return new ProducerRecord<>(
        topic,
        "compose-acls",
        ("{\"from\":\"" + service.name() + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A service's Kafka settings as Spring Boot binds them from its compose environment, pointed at
   * this test's broker.
   */
  private static org.springframework.boot.kafka.autoconfigure.KafkaProperties clientSettings(
      PlatformService service) {
    Map<String, String> environment = new LinkedHashMap<>(ComposeKafka.environment(service.name()));
    assertThat(environment).containsKey("KAFKA_BOOTSTRAP_SERVERS");
    environment.put("KAFKA_BOOTSTRAP_SERVERS", clientBootstrap);
    return ComposeKafka.kafkaProperties(service, environment);
  }

  private static Map<String, Object> adminSettings(String password) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", adminBootstrap);
    settings.put("security.protocol", "SASL_PLAINTEXT");
    settings.put("sasl.mechanism", "PLAIN");
    settings.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + ADMIN
            + "\" password=\""
            + password
            + "\";");
    return settings;
  }

  private static Map<String, Object> producerSettingsOfAdmin() {
    Map<String, Object> settings = adminSettings(adminPassword);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return settings;
  }

  private static Set<String> granted(PlatformService service, String operation, String type) {
    return ComposeKafka.acls().stream()
        .filter(acl -> acl.principal().equals(service.name()))
        .filter(acl -> acl.operation().equals(operation) && acl.resourceType().equals(type))
        .map(ComposeKafka.Acl::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> createdTopics() {
    return ComposeKafka.topics().stream()
        .map(ComposeKafka.TopicSpec::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static int partitionCount() {
    return Integer.parseInt(
        ComposeKafka.environment(ComposeKafka.INIT).get("WYP_KAFKA_PARTITIONS"));
  }

  private static PlatformService service(String name) {
    return PlatformServices.ALL.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The listener whose advertised port the services' KAFKA_BOOTSTRAP_SERVERS names. */
  private static String clientListener(Map<String, String> config) {
    String bootstrap =
        ComposeKafka.environment(service("web").name()).get("KAFKA_BOOTSTRAP_SERVERS");
    return ComposeKafka.listeners(config.get("advertised.listeners")).entrySet().stream()
        .filter(entry -> entry.getValue().equals(bootstrap))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static String addresses(Map<String, String> listeners, Map<String, Integer> ports) {
    return listeners.keySet().stream()
        .map(name -> name + "://127.0.0.1:" + ports.get(name))
        .collect(Collectors.joining(","));
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
