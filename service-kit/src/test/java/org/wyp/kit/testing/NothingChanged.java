package org.wyp.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.kit.outbox.OutboxRelay;

/**
 * A snapshot of everything a service has stored and published: per collection of its database, the
 * number of documents and a hash of their content; per topic on the broker (its own, the others'
 * and the dead-letter topics), the records on it, read to its end with {@link TopicReader}. Taken
 * once the outbox relay has nothing waiting and the service is quiet (two snapshots in a row
 * agree), so what the service was still doing before does not count against what comes after.
 *
 * <pre>{@code
 * try (NothingChanged unchanged = NothingChanged.watch(mongo, relay, bootstrapServers)) {
 *   ... send requests that must all be refused ...
 *   unchanged.assertNothingChanged();
 * }
 * }</pre>
 */
public final class NothingChanged implements AutoCloseable {

  private static final Duration QUIET = Duration.ofSeconds(60);

  private final MongoTemplate mongo;
  private final OutboxRelay relay;
  private final String bootstrapServers;
  private final Map<String, TopicReader> readers = new ConcurrentHashMap<>();
  private final State before;

  private NothingChanged(MongoTemplate mongo, OutboxRelay relay, String bootstrapServers) {
    this.mongo = mongo;
    this.relay = relay;
    this.bootstrapServers = bootstrapServers;
    this.before = quietState();
  }

  /** Waits until the service is quiet and takes the snapshot to compare with. */
  public static NothingChanged watch(
      MongoTemplate mongo, OutboxRelay relay, String bootstrapServers) {
    return new NothingChanged(mongo, relay, bootstrapServers);
  }

  /** The snapshot taken by {@link #watch}. */
  public State before() {
    return before;
  }

  /**
   * Waits for the outbox to drain (whatever a request stored with events would be published by
   * then) and asserts that every collection and every topic is exactly as in the snapshot.
   */
  public void assertNothingChanged() {
    State after = quietState();
    assertThat(after.topics().keySet())
        .as("topics on the broker (a new one was written to)")
        .isEqualTo(before.topics().keySet());
    assertThat(after.collections())
        .as("documents per collection: count and content hash")
        .isEqualTo(before.collections());
    Map<String, String> published = new TreeMap<>();
    after
        .topics()
        .forEach(
            (topic, records) -> {
              int was = before.topics().getOrDefault(topic, 0);
              if (records != was) {
                published.put(topic, describe(readers.get(topic).poll().subList(was, records)));
              }
            });
    assertThat(published).as("records published since the snapshot").isEmpty();
  }

  /**
   * Waits until the outbox is drained and two looks in a row, a quarter of a second apart, find the
   * same documents and the same end offsets on every topic; then reads every topic to its end.
   */
  private State quietState() {
    AtomicReference<Object> last = new AtomicReference<>();
    AtomicReference<SortedMap<String, String>> collections = new AtomicReference<>();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Awaitility.await()
          .atMost(QUIET)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                if (relay.backlog() != 0) {
                  return false;
                }
                SortedMap<String, String> documents = collections();
                Object now = List.of(documents, endOffsets(admin));
                if (now.equals(last.getAndSet(now))) {
                  collections.set(documents);
                  return true;
                }
                return false;
              });
      return new State(collections.get(), records(topicNames(admin)));
    }
  }

  private SortedMap<String, String> collections() {
    SortedMap<String, String> collections = new TreeMap<>();
    for (String collection : new TreeSet<>(mongo.getCollectionNames())) {
      collections.put(collection, fingerprint(collection));
    }
    return collections;
  }

  /** How many records each topic holds, each read to its end by its own reader, all at once. */
  private SortedMap<String, Integer> records(List<String> topics) {
    topics.forEach(
        topic -> readers.computeIfAbsent(topic, t -> new TopicReader(bootstrapServers, t)));
    SortedMap<String, Integer> counts = new TreeMap<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, topics.size()))) {
      Map<String, Future<Integer>> reads = new TreeMap<>();
      topics.forEach(
          topic -> reads.put(topic, threads.submit(() -> readers.get(topic).readToEnd().size())));
      for (Map.Entry<String, Future<Integer>> read : reads.entrySet()) {
        counts.put(read.getKey(), read.getValue().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read a topic to its end", e.getCause());
    }
    return counts;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    return TopicOffsets.ends(admin, topicNames(admin));
  }

  private String fingerprint(String collection) {
    MessageDigest digest = sha256();
    long count = 0;
    for (Document document :
        mongo.find(new Query().with(Sort.by("_id")), Document.class, collection)) {
      digest.update(document.toJson().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      count++;
    }
    return count + " documents, sha-256 " + HexFormat.of().formatHex(digest.digest());
  }

  private static List<String> topicNames(Admin admin) {
    try {
      return new ArrayList<>(new TreeSet<>(admin.listTopics().names().get()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list the broker's topics", e.getCause());
    }
  }

  private static String describe(List<ConsumerRecord<String, byte[]>> records) {
    List<String> shown = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      shown.add(TopicReader.header(record, "ce_type") + " key " + record.key());
    }
    return shown.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    readers.values().forEach(TopicReader::close);
  }

  /**
   * What a service has: per collection, its document count and content hash; per topic, how many
   * records it holds.
   */
  public record State(SortedMap<String, String> collections, SortedMap<String, Integer> topics) {}
}
