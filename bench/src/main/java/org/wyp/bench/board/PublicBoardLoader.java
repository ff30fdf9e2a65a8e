package org.wyp.bench.board;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wyp.bench.stack.StackProcess;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.Uuids;
import org.wyp.events.view.PublicView;
import org.wyp.events.view.PublicViewChange;
import org.wyp.events.view.PublicViews;

/**
 * Puts the data set on the public board the way the services do: each problem's view as
 * problem-service's outbox publishes it and its pitch count as submission-service's does (same key,
 * CloudEvents headers and JSON), straight onto the update topic, then waits until web has read them
 * all. Going round the services' APIs is what makes 100,000 problems take minutes rather than
 * hours; what web reads is the same.
 */
final class PublicBoardLoader {

  private static final String PROBLEM_SERVICE = "/wyp/problem-service";
  private static final String SUBMISSION_SERVICE = "/wyp/submission-service";
  private static final Duration TAKE_IN_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration POLL = Duration.ofMillis(250);

  private final StackProcess stack;
  private final WebBoard board;
  private final PrintStream progress;

  PublicBoardLoader(StackProcess stack, WebBoard board, PrintStream progress) {
    this.stack = stack;
    this.board = board;
    this.progress = progress;
  }

  /**
   * Publishes every problem's view and pitch count, then waits until web's board holds {@code
   * problemsBefore} and {@code statsBefore} more of each.
   *
   * @return how fast the views were published, and how fast web had them all from the first send
   */
  List<LoadRate> load(
      List<BoardProblem> problems, UUID roundId, long problemsBefore, long statsBefore)
      throws IOException, InterruptedException {
    long views = 2L * problems.size();
    long begin = System.nanoTime();
    publish(problems, roundId);
    LoadRate published =
        new LoadRate(
            "public views published to " + Topics.UPDATES,
            views,
            "views",
            Duration.ofNanos(System.nanoTime() - begin));
    progress.println("[bench] board: " + published);

    awaitTakenIn(problemsBefore + problems.size(), statsBefore + problems.size(), views);
    LoadRate takenIn =
        new LoadRate(
            "public views on web's board, from the first sent",
            views,
            "views",
            Duration.ofNanos(System.nanoTime() - begin));
    progress.println("[bench] board: " + takenIn);
    return List.of(published, takenIn);
  }

  private void publish(List<BoardProblem> problems, UUID roundId) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long views = 2L * problems.size();
    long tenth = Math.max(1, views / 10);
    long sent = 0;
    long begin = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
      // Every problem before any count, so that no count names a problem the board lacks.
      for (int pass = 0; pass < 2; pass++) {
        for (BoardProblem problem : problems) {
          PublicView view = pass == 0 ? problem.publicView(roundId) : problem.statsView(roundId);
          producer.send(
              record(view, pass == 0 ? PROBLEM_SERVICE : SUBMISSION_SERVICE),
              (metadata, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                }
              });
          if (++sent % tenth == 0) {
            progress.printf(
                "[bench] board: %3d%% of %,d views sent (%,.0f/s)%n",
                sent * 100 / views, views, sent / ((System.nanoTime() - begin) / 1e9));
          }
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing the board's views failed", failure.get());
    }
  }

  /** The record as {@code PendingEvent.toRecord} makes it from an outbox entry. */
  private static ProducerRecord<String, byte[]> record(PublicView view, String source) {
    PublicViewChange change = PublicViewChange.of(view);
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.of(
            Uuids.v7().toString(),
            source,
            change.type(),
            Instant.now().toString(),
            change.id().toString())
        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    byte[] json = EventCodec.toJsonString(view).getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(Topics.UPDATES, null, change.key(), json, headers);
  }

  private void awaitTakenIn(long problems, long stats, long views)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TAKE_IN_TIMEOUT.toNanos();
    long reported = 0;
    while (true) {
      long problemsShown = board.total(PublicViews.PROBLEM);
      long statsShown = board.total(PublicViews.PROBLEM_STATS);
      if (problemsShown >= problems && statsShown >= stats) {
        return;
      }
      long missing = Math.max(0, problems - problemsShown) + Math.max(0, stats - statsShown);
      long percent = (views - missing) * 100 / views;
      if (percent >= reported + 10) {
        reported = percent / 10 * 10;
        progress.printf("[bench] board: web has read %d%% of the views%n", percent);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "web's board shows "
                + problemsShown
                + " problems and "
                + statsShown
                + " pitch counts after "
                + TAKE_IN_TIMEOUT
                + "; expected "
                + problems
                + " and "
                + stats);
      }
      Thread.sleep(POLL);
    }
  }

  private Properties producerConfig() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    // Bulk loading: fuller batches, fewer requests; the services' relays send one at a time.
    config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return config;
  }
}
