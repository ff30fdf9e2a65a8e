package org.wyp.localstack.faults;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.wyp.events.Topics;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TopicOffsets;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform holds, read from underneath: every service's MongoDB database and the Kafka
 * topics and consumer groups. The services' REST APIs show only what a caller may see; counting
 * effects exactly once needs the projections themselves.
 */
final class PlatformRecords implements AutoCloseable {

  /** Every event topic, in the order of the event flow. */
  static final List<String> EVENT_TOPICS =
      List.of(Topics.ROUNDS, Topics.PROBLEMS, Topics.SUBMISSIONS, Topics.JUDGING, Topics.AWARDS);

  /**
   * The topics each service's consumer group reads (its group id is its name), as its listeners
   * declare them; the replay test checks this table against the running listeners.
   */
  static final Map<String, List<String>> CONSUMED =
      Map.of(
          "problem-service",
          List.of(Topics.AWARDS),
          "submission-service",
          List.of(
              Topics.ROUNDS, Topics.PROBLEMS, Topics.SUBMISSIONS, Topics.JUDGING, Topics.AWARDS),
          "judging-service",
          List.of(Topics.SUBMISSIONS, Topics.JUDGING),
          "award-service",
          List.of(Topics.SUBMISSIONS, Topics.JUDGING));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MongoClient mongo;
  private final Map<String, String> databases;
  private final String bootstrapServers;

  PlatformRecords(String mongoUri, Map<String, String> databases, String bootstrapServers) {
    this.mongo = MongoClients.create(mongoUri);
    this.databases = Map.copyOf(databases);
    this.bootstrapServers = bootstrapServers;
  }

  // MongoDB

  /** The documents of one service's collection matching the filter. */
  List<Document> find(String service, String collection, Bson filter) {
    return mongo
        .getDatabase(databases.get(service))
        .getCollection(collection)
        .find(filter)
        .into(new ArrayList<>());
  }

  List<Document> find(String service, String collection) {
    return find(service, collection, Filters.empty());
  }

  /** Events waiting in any outbox of any document of any service. */
  long pendingOutboxEvents() {
    long pending = 0;
    for (String database : databases.values()) {
      for (String collection : mongo.getDatabase(database).listCollectionNames()) {
        for (Document document :
            mongo
                .getDatabase(database)
                .getCollection(collection)
                .find(Filters.exists("outbox.0"))) {
          pending += document.getList("outbox", Object.class).size();
        }
      }
    }
    return pending;
  }

  /**
   * Every document of every collection of every service's database, as canonical JSON, by {@code
   * database.collection} and then by id.
   */
  Map<String, Map<String, String>> snapshot() {
    Map<String, Map<String, String>> snapshot = new TreeMap<>();
    for (String database : databases.values()) {
      for (String collection : mongo.getDatabase(database).listCollectionNames()) {
        Map<String, String> documents = new LinkedHashMap<>();
        for (Document document :
            mongo
                .getDatabase(database)
                .getCollection(collection)
                .find()
                .sort(Sorts.ascending("_id"))) {
          documents.put(String.valueOf(document.get("_id")), document.toJson());
        }
        snapshot.put(database + "." + collection, documents);
      }
    }
    return snapshot;
  }

  /** Each service's public views as it last derived them: key to view. */
  Map<String, JsonNode> publicViews() {
    Map<String, JsonNode> views = new TreeMap<>();
    for (String service : databases.keySet()) {
      for (Document view : find(service, "public_views")) {
        views.put(view.getString("_id"), view(view));
      }
    }
    return views;
  }

  /** The view a {@code public_views} document holds. */
  static JsonNode view(Document publicView) {
    return JSON.readTree(publicView.getString("json"));
  }

  /** The web front's whole public board: key to view. */
  static Map<String, JsonNode> board(Http web) {
    Map<String, JsonNode> board = new TreeMap<>();
    for (int page = 0; ; page++) {
      Http.Response answer = web.get("/api/views?size=500&page=" + page);
      if (answer.status() != 200) {
        throw new AssertionError("web's board answered " + answer);
      }
      JsonNode content = answer.json().path("content");
      content
          .valueStream()
          .forEach(item -> board.put(item.path("key").asString(), item.path("view")));
      if (page + 1 >= answer.json().path("totalPages").asInt()) {
        return board;
      }
    }
  }

  // Kafka

  /** Every record on the topic now. */
  List<ConsumerRecord<String, byte[]>> records(String topic) {
    try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
      return reader.readToEnd();
    }
  }

  /** The record's JSON value. */
  static JsonNode body(ConsumerRecord<String, byte[]> record) {
    return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
  }

  static String header(ConsumerRecord<String, byte[]> record, String name) {
    return TopicReader.header(record, name);
  }

  /** A header spring-kafka writes as a 4-byte big-endian int, such as a dead letter's partition. */
  static int intHeader(ConsumerRecord<String, byte[]> record, String name) {
    return ByteBuffer.wrap(record.headers().lastHeader(name).value()).getInt();
  }

  /** The end offset of every partition of the topics. */
  Map<TopicPartition, Long> endOffsets(List<String> topics) {
    try (Admin admin = admin()) {
      return endOffsets(admin, topics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the end offsets of " + topics, e);
    }
  }

  /**
   * Waits until the platform is quiet: no event waits in any outbox and every consumer group has
   * committed the end of every partition it reads, with no record added meanwhile. Events made by
   * consuming (a status change, a refreshed view) are stored in an outbox before the offset is
   * committed, and a relayed event moves an end offset before it leaves its outbox, so the three
   * checks in that order cannot all pass while work is still under way.
   */
  void awaitSettled(String why) {
    List<String> topics = new ArrayList<>(EVENT_TOPICS);
    topics.add(Topics.UPDATES);
    try (Admin admin = admin()) {
      await("the platform to settle " + why)
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                Map<TopicPartition, Long> ends = endOffsets(admin, topics);
                List<String> behind = groupsBehind(admin, ends);
                if (!behind.isEmpty()) {
                  return false;
                }
                if (pendingOutboxEvents() > 0) {
                  return false;
                }
                return ends.equals(endOffsets(admin, topics));
              });
    }
  }

  /** Which consumer groups have not yet committed the end of which partitions. */
  private static List<String> groupsBehind(Admin admin, Map<TopicPartition, Long> ends)
      throws Exception {
    List<String> behind = new ArrayList<>();
    for (Map.Entry<String, List<String>> group : CONSUMED.entrySet()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
      ends.forEach(
          (partition, end) -> {
            if (group.getValue().contains(partition.topic()) && end > 0) {
              OffsetAndMetadata done = committed.get(partition);
              if (done == null || done.offset() < end) {
                behind.add(group.getKey() + "@" + partition + " " + done + "<" + end);
              }
            }
          });
    }
    return behind;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
      throws Exception {
    return TopicOffsets.ends(admin, topics);
  }

  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  @Override
  public void close() {
    mongo.close();
  }
}
