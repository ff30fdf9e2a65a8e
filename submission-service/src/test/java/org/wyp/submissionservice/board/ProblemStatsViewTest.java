package org.wyp.submissionservice.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.problem.ProblemWithdrawn;
import org.wyp.events.view.PublicProblemStats;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TopicReader;
import org.wyp.submissionservice.ProgrammeSupport;

/** A problem's live pitch count on the public update topic, from publication to withdrawal. */
@ServiceIntegrationTest
class ProblemStatsViewTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;

  Http http;
  RecordSender sender;
  TopicReader updates;
  ProgrammeSupport programme;
  UUID roundId;
  UUID problemId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    updates = new TopicReader(Brokers.of(kafka), Topics.UPDATES);
    programme = new ProgrammeSupport(http, sender, mongo);
    roundId = programme.openRound();
    problemId = programme.publishedProblem(roundId);
  }

  @AfterEach
  void tearDown() {
    sender.close();
    updates.close();
  }

  @Test
  void theCountFollowsPitchesAndWithdrawalsAndGoesWithTheProblem() {
    await().until(() -> latest() != null && submissions(latest()) == 0);

    UUID firstSme = programme.registeredSme();
    String first = submit(firstSme, "Damp sensors");
    await().until(() -> submissions(latest()) == 1);
    submit(programme.registeredSme(), "Mould-resistant paint");
    await().until(() -> submissions(latest()) == 2);
    assertThat(programme.asSme(firstSme).post("/api/submissions/" + first + "/withdraw", null))
        .extracting(Http.Response::status)
        .isEqualTo(200);
    await().until(() -> submissions(latest()) == 1);

    sender.send(new ProblemWithdrawn(problemId, 9, roundId, Instant.now()));
    await().until(() -> latest().value() == null);

    List<Long> counts =
        views().stream()
            .filter(r -> r.value() != null)
            .map(ProblemStatsViewTest::submissions)
            .toList();
    assertThat(counts).as("published only when the count changed").containsExactly(0L, 1L, 2L, 1L);
    assertThat(
            EventCodec.viewFromJson(views().getFirst().value(), PublicProblemStats.class).roundId())
        .isEqualTo(roundId);
  }

  private String submit(UUID smeId, String title) {
    Http.Response created =
        programme.asSme(smeId).post("/api/submissions", pitch(problemId, smeId, title));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  private List<ConsumerRecord<String, byte[]>> views() {
    String key = "problem-stats:" + problemId;
    return updates.poll().stream().filter(r -> key.equals(r.key())).toList();
  }

  private ConsumerRecord<String, byte[]> latest() {
    List<ConsumerRecord<String, byte[]>> views = views();
    return views.isEmpty() ? null : views.getLast();
  }

  private static long submissions(ConsumerRecord<String, byte[]> record) {
    return EventCodec.viewFromJson(record.value(), PublicProblemStats.class).submissions();
  }
}
