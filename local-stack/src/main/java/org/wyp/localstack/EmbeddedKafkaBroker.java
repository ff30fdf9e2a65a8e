package org.wyp.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Apache Kafka broker inside this JVM: KRaft combined mode (one node that is both broker and
 * controller), the same server {@code kafka-server-start.sh} runs, with its log kept in a directory
 * so topics and offsets survive a restart.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String BROKER_LISTENER = "PLAINTEXT";

  /** Kafka writes this into a log directory when it is formatted; it holds the cluster id. */
  private static final String META_PROPERTIES = "meta.properties";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final String clusterId;
  private final boolean newlyFormatted;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server, String bootstrapServers, String clusterId, boolean newlyFormatted) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.clusterId = clusterId;
    this.newlyFormatted = newlyFormatted;
  }

  /**
   * Starts the broker, formatting {@code logDir} first if it has never been formatted. Returns once
   * the broker is unfenced and accepts clients.
   */
  static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) throws Exception {
    Files.createDirectories(logDir);
    Map<String, String> config = config(logDir, port, controllerPort);
    // Formatting an already formatted directory would fail (or, forced, lose the cluster id that
    // every segment belongs to), so only a fresh directory is formatted.
    boolean fresh = !Files.exists(logDir.resolve(META_PROPERTIES));
    if (fresh) {
      format(logDir);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      // A broker that fails to start stops itself, but leaves the controller running.
      try {
        server.shutdown();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return new EmbeddedKafkaBroker(server, "127.0.0.1:" + port, clusterId(logDir), fresh);
  }

  /**
   * The settings of a {@code server.properties} for a single node on the loopback interface.
   * Internal topics default to three replicas, which one node can never provide.
   */
  private static Map<String, String> config(Path logDir, int port, int controllerPort) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", String.valueOf(NODE_ID));
    // Static voters: the controller's address is configuration, not stored state, so the ports
    // can change between runs on the same data.
    config.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    config.put(
        "listeners",
        BROKER_LISTENER
            + "://127.0.0.1:"
            + port
            + ","
            + CONTROLLER_LISTENER
            + "://127.0.0.1:"
            + controllerPort);
    config.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + port);
    config.put("controller.listener.names", CONTROLLER_LISTENER);
    config.put("inter.broker.listener.name", BROKER_LISTENER);
    config.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    config.put("log.dirs", logDir.toString());
    config.put("auto.create.topics.enable", "true");
    config.put("num.partitions", "1");
    config.put("default.replication.factor", "1");
    config.put("min.insync.replicas", "1");
    config.put("offsets.topic.replication.factor", "1");
    // Fewer partitions than the default 50: the offsets topic is created when the first consumer
    // group appears, and on a laptop 50 partitions only slow that down.
    config.put("offsets.topic.num.partitions", "5");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("share.coordinator.state.topic.replication.factor", "1");
    config.put("share.coordinator.state.topic.min.isr", "1");
    // One member per consumer group here: waiting for more members to join only delays start-up.
    config.put("group.initial.rebalance.delay.ms", "0");
    // Enough for one developer's traffic, and fewer idle threads in a JVM shared with services.
    config.put("num.network.threads", "2");
    config.put("num.io.threads", "2");
    return config;
  }

  /** What {@code kafka-storage.sh format -t <new cluster id> -c server.properties} does. */
  private static void format(Path logDir) throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .addDirectory(logDir.toString())
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName(CONTROLLER_LISTENER)
        .run();
  }

  private static String clusterId(Path logDir) throws IOException {
    Properties meta = new Properties();
    try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
      meta.load(in);
    }
    return meta.getProperty("cluster.id");
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String clusterId() {
    return clusterId;
  }

  /** Whether this start formatted the storage, i.e. the broker began with no topics. */
  boolean newlyFormatted() {
    return newlyFormatted;
  }

  /**
   * A controlled shutdown: logs are flushed and closed cleanly, so the next start skips recovery.
   */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
