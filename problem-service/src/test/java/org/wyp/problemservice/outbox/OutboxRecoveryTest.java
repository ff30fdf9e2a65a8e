package org.wyp.problemservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.kit.testing.TopicReader.ofType;
import static org.wyp.kit.testing.TopicReader.withSubject;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wyp.events.Topics;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.EmbeddedMongo;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;
import org.wyp.problemservice.Fixtures;
import org.wyp.problemservice.ProblemServiceApplication;

/**
 * The relay dies after a state change was stored and before its event was published. The event
 * waits in the aggregate's document, and the restarted service publishes it: nothing is lost.
 */
@EmbeddedKafka(partitions = 2)
class OutboxRecoveryTest {

  private final String database = "outbox-recovery-" + UUID.randomUUID();

  @Test
  void eventsWrittenBeforeACrashArePublishedOnRestart(EmbeddedKafkaBroker broker) {
    String bootstrap = broker.getBrokersAsString();
    String problemId;
    try (ConfigurableApplicationContext first = start(bootstrap)) {
      // The relay stops before any of this request's events are published: the crash window.
      first.getBean(OutboxRelay.class).stop();
      Http http = Http.localhost(port(first));
      String roundId = Fixtures.openRound(http);
      problemId = Fixtures.publishedProblem(http, roundId, "Missed appointments in Knowsley");

      Document stored =
          first.getBean(MongoTemplate.class).findById(problemId, Document.class, "problems");
      assertThat(stored.getList("outbox", Document.class))
          .extracting(pending -> pending.getString("type"))
          .containsExactly("wyp.problem.ProblemPublished.v1", "wyp.view.problem.v1");
    }

    try (TopicReader problems = new TopicReader(bootstrap, Topics.PROBLEMS)) {
      assertThat(problems.readToEnd()).noneMatch(withSubject(problemId));

      try (ConfigurableApplicationContext restarted = start(bootstrap)) {
        problems.awaitAny(withSubject(problemId));
        OutboxRelay relay = restarted.getBean(OutboxRelay.class);
        await().until(() -> relay.backlog() == 0);

        List<?> published =
            problems.readToEnd().stream()
                .filter(withSubject(problemId))
                .filter(ofType("wyp.problem.ProblemPublished.v1"))
                .toList();
        assertThat(published).hasSize(1);
      }
    }
  }

  private ConfigurableApplicationContext start(String bootstrapServers) {
    // Command-line arguments, because builder properties rank below application.properties.
    return new SpringApplicationBuilder(ProblemServiceApplication.class)
        .run(
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + bootstrapServers,
            "--spring.mongodb.uri=" + EmbeddedMongo.connectionString(),
            "--spring.mongodb.database=" + database,
            "--wyp.outbox.poll-interval=100ms",
            "--wyp.security.jwt.issuer=" + TestTokens.ISSUER,
            "--wyp.security.jwt.public-key=" + TestTokens.trustedPublicKey());
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
