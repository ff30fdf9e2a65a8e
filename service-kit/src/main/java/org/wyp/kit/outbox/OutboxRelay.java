package org.wyp.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.wyp.kit.WypProperties;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.metrics.EventMetrics;

/**
 * Publishes the events waiting in aggregate documents' outboxes to Kafka, then removes them from
 * their document by event id. Delivery is at least once: a crash after the send and before the
 * removal publishes again on restart, and consumers deduplicate. Order per aggregate is kept
 * because a document's events are sent in order on one partition by an idempotent producer, and
 * only the acknowledged prefix is removed.
 *
 * <p>Its metrics come from its own passes, so a scrape never queries MongoDB: a pass that drains
 * every outbox sets the backlog to zero, and the backlog is counted in the database only on the
 * first pass and after a failed one, at most once per {@link #BACKLOG_MEASURE_INTERVAL}. The age of
 * the oldest waiting event is computed at scrape time from that event's stored time.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  static final Duration BACKLOG_MEASURE_INTERVAL = Duration.ofSeconds(5);

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, byte[]> kafka;
  private final WypProperties.Outbox settings;
  private final Set<String> collections = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean nudged = new AtomicBoolean();
  private final EventMetrics events;
  private final Clock clock = Clock.systemUTC();
  private volatile ScheduledExecutorService executor;
  private volatile long backlog;
  private volatile Instant oldestPending;
  private volatile Instant backlogMeasuredAt;

  public OutboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, byte[]> kafka,
      WypProperties.Outbox settings,
      MeterRegistry registry) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.settings = settings;
    this.events = new EventMetrics(registry);
    Gauge.builder("wyp.outbox.backlog", this, relay -> relay.backlog)
        .description("Events waiting in outboxes, as of the relay's last measurement")
        .register(registry);
    Gauge.builder("wyp.outbox.oldest.age", this, OutboxRelay::oldestPendingAgeSeconds)
        .description("Age of the oldest event waiting in an outbox; 0 when none waits")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Adds a collection whose documents carry an outbox. */
  public void watch(String collection) {
    collections.add(collection);
  }

  /** Asks for a relay pass soon, after a save that added events: lower latency than polling. */
  public void nudge() {
    ScheduledExecutorService running = executor;
    if (running != null && nudged.compareAndSet(false, true)) {
      running.execute(this::relayAllSafely);
    }
  }

  /**
   * Publishes everything pending now, on the caller's thread.
   *
   * @return how many events were published
   */
  public synchronized int relayAll() {
    nudged.set(false);
    int published = 0;
    for (String collection : collections) {
      int sent;
      do {
        sent = relayBatch(collection);
        published += sent;
      } while (sent > 0);
    }
    return published;
  }

  /** The number of events waiting in every watched collection, counted in the database now. */
  public long backlog() {
    return scanPending().waiting();
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "outbox-relay");
              thread.setDaemon(true);
              return thread;
            });
    long interval = settings.pollInterval().toMillis();
    // The first pass runs at once: events left pending by a crash are published on restart.
    executor.scheduleWithFixedDelay(this::relayAllSafely, 0, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  /** Stops after the web server and listeners, so their last events still get out. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1024;
  }

  private void relayAllSafely() {
    try {
      if (backlogMeasuredAt == null) {
        measureBacklog();
      }
      relayAll();
      // Drained: whatever was saved during the pass was nudged and is counted by the next one.
      backlog = 0;
      oldestPending = null;
    } catch (RuntimeException e) {
      // Kafka or MongoDB unavailable: the events stay pending and the next pass tries again.
      log.warn("outbox relay pass failed, will retry: {}", e.toString());
      measureBacklogSafely();
    }
  }

  /** At most once per interval, so an outage does not double the relay's load on MongoDB. */
  private void measureBacklogSafely() {
    Instant last = backlogMeasuredAt;
    if (last != null && last.plus(BACKLOG_MEASURE_INTERVAL).isAfter(clock.instant())) {
      return;
    }
    try {
      measureBacklog();
    } catch (RuntimeException e) {
      log.debug("cannot measure the outbox backlog: {}", e.toString());
    }
  }

  private void measureBacklog() {
    backlogMeasuredAt = clock.instant();
    Pending pending = scanPending();
    backlog = pending.waiting();
    oldestPending = pending.oldest();
  }

  /** Every event waiting in the watched collections: how many, and when the oldest was made. */
  private Pending scanPending() {
    long waiting = 0;
    Instant oldest = null;
    for (String collection : collections) {
      Query pending = pendingQuery();
      pending.fields().include(AggregateStore.OUTBOX_FIELD + "." + PendingEvent.TIME);
      for (Document doc : mongo.find(pending, Document.class, collection)) {
        for (Document event : doc.getList(AggregateStore.OUTBOX_FIELD, Document.class)) {
          waiting++;
          Instant time = PendingEvent.time(event);
          if (time != null && (oldest == null || time.isBefore(oldest))) {
            oldest = time;
          }
        }
      }
    }
    return new Pending(waiting, oldest);
  }

  private record Pending(long waiting, Instant oldest) {}

  private double oldestPendingAgeSeconds() {
    Instant oldest = oldestPending;
    if (oldest == null) {
      return 0;
    }
    return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }

  /**
   * Documents are taken in the order of their oldest pending event's id. Ids are time-ordered (and
   * strictly increasing within a process), so events that one aggregate spread over several
   * documents (a chain of entries, say) reach the broker in the order they were made.
   */
  private int relayBatch(String collection) {
    Query pending =
        pendingQuery()
            .with(Sort.by(AggregateStore.OUTBOX_FIELD + "." + PendingEvent.ID))
            .limit(settings.batchSize());
    pending.fields().include(AggregateStore.OUTBOX_FIELD);
    List<Document> documents = mongo.find(pending, Document.class, collection);
    List<Sending> sendings = new ArrayList<>();
    for (Document document : documents) {
      sendings.add(send(document));
    }
    int published = 0;
    int unacknowledged = 0;
    for (Sending sending : sendings) {
      List<String> acknowledged = sending.acknowledgedPrefix(settings.sendTimeout().toMillis());
      if (!acknowledged.isEmpty()) {
        mongo.updateFirst(
            query(where("_id").is(sending.documentId())),
            new Update()
                .pull(AggregateStore.OUTBOX_FIELD, query(where(PendingEvent.ID).in(acknowledged))),
            collection);
        published += acknowledged.size();
      }
      unacknowledged += sending.eventIds().size() - acknowledged.size();
    }
    if (unacknowledged > 0) {
      throw new IllegalStateException(
          unacknowledged
              + " events in "
              + collection
              + " not acknowledged; kept for the next pass");
    }
    return published;
  }

  private Sending send(Document document) {
    List<Document> outbox = document.getList(AggregateStore.OUTBOX_FIELD, Document.class);
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>();
    for (Document pending : outbox) {
      ids.add(pending.getString(PendingEvent.ID));
      futures.add(
          kafka
              .send(PendingEvent.toRecord(pending))
              .whenComplete(
                  (sent, failure) -> {
                    if (failure == null) {
                      events.published(PendingEvent.topic(pending), PendingEvent.type(pending));
                    }
                  }));
    }
    return new Sending(document.get("_id"), ids, futures);
  }

  private static Query pendingQuery() {
    return query(where(AggregateStore.OUTBOX_FIELD + ".0").exists(true));
  }

  private record Sending(
      Object documentId,
      List<String> eventIds,
      List<CompletableFuture<SendResult<String, byte[]>>> futures) {

    /** The ids of the events the broker acknowledged, up to the first that failed. */
    List<String> acknowledgedPrefix(long timeoutMillis) {
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get(timeoutMillis, TimeUnit.MILLISECONDS);
          acknowledged.add(eventIds.get(i));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (Exception e) {
          log.warn(
              "event {} not acknowledged, kept for the next pass: {}",
              eventIds.get(i),
              e.toString());
          break;
        }
      }
      return acknowledged;
    }
  }
}
