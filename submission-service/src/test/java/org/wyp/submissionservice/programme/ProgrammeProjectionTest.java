package org.wyp.submissionservice.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.wyp.submissionservice.ProgrammeSupport.T0;
import static org.wyp.submissionservice.ProgrammeSupport.announced;
import static org.wyp.submissionservice.ProgrammeSupport.content;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;
import static org.wyp.submissionservice.ProgrammeSupport.published;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.problem.ProblemClosed;
import org.wyp.events.problem.ProblemEndorsed;
import org.wyp.events.problem.ProblemUpdated;
import org.wyp.events.problem.ProblemWithdrawn;
import org.wyp.events.round.RoundOpened;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.ConsumerGroupReplay;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.submissionservice.ProgrammeSupport;

/**
 * This service's projection of rounds and problems: correct whatever order and however often events
 * arrive, rebuilt the same by a replay, and the arbiter of a close that races a pitch.
 */
@ServiceIntegrationTest
class ProgrammeProjectionTest {

  private static final String GROUP = "submission-service";

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;
  @Autowired KafkaListenerEndpointRegistry listeners;

  Http http;
  RecordSender sender;
  ProgrammeSupport programme;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    programme = new ProgrammeSupport(http, sender, mongo);
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void duplicateAndOutOfOrderProblemEventsLeaveTheProjectionAsTheNewestEventsSay() {
    UUID roundId = programme.openRound();
    UUID closedLate = UUID.randomUUID();
    // Newest first, with repeats: closed (v4) arrives before its publication (v2) and update (v3).
    EventEnvelope closed = sender.send(new ProblemClosed(closedLate, 4, roundId, T0));
    sender.send(closed);
    sender.send(new ProblemUpdated(closedLate, 3, roundId, content("Clearer title"), T0));
    sender.send(published(closedLate, roundId, 2, "First title"));
    sender.send(published(closedLate, roundId, 2, "First title"));

    UUID stillOpen = UUID.randomUUID();
    sender.send(published(stillOpen, roundId, 2, "Original"));
    EventEnvelope update =
        sender.send(new ProblemUpdated(stillOpen, 3, roundId, content("Renamed"), T0));
    sender.send(update);
    sender.send(new ProblemEndorsed(stillOpen, 4, roundId, "Sefton Council", "Us too", 1, T0));
    sender.send(published(stillOpen, roundId, 2, "Original"));
    sender.awaitConsumed(GROUP, Topics.PROBLEMS);

    Document late = programme.knownProblem(closedLate);
    assertThat(late.getString("availability")).isEqualTo("CLOSED");
    assertThat(late.getString("title")).isEqualTo("Clearer title");
    assertThat(late.getString("roundId")).isEqualTo(roundId.toString());
    Document open = programme.knownProblem(stillOpen);
    assertThat(open.getString("availability")).isEqualTo("PUBLISHED");
    assertThat(open.getString("title")).isEqualTo("Renamed");

    UUID sme = programme.registeredSme();
    Http asSme = programme.asSme(sme);
    assertThat(asSme.post("/api/submissions", pitch(closedLate, sme, "x")).status()).isEqualTo(409);
    assertThat(asSme.post("/api/submissions", pitch(stillOpen, sme, "x")).status()).isEqualTo(201);
  }

  @Test
  void aRoundOpenedBeforeItsAnnouncementArrivesStillKnowsItsPostcodeAreas() {
    UUID roundId = UUID.randomUUID();
    sender.send(new RoundOpened(roundId, 2, T0));
    sender.send(announced(roundId));
    sender.awaitConsumed(GROUP, Topics.ROUNDS);

    Document round = mongo.findById(roundId.toString(), Document.class, "known_rounds");
    assertThat(round.getString("phase")).isEqualTo("OPEN");
    assertThat(round.getList("eligiblePostcodeAreas", String.class))
        .containsExactly("L", "CH", "WA", "PR");
  }

  @Test
  void replayingTheTopicsFromTheStartRebuildsTheSameProjection() {
    UUID roundId = programme.openRound();
    UUID problem = programme.publishedProblem(roundId);
    sender.send(new ProblemUpdated(problem, 3, roundId, content("Renamed"), T0));
    UUID withdrawn = programme.publishedProblem(roundId);
    sender.send(new ProblemWithdrawn(withdrawn, 3, roundId, T0));
    sender.awaitConsumed(GROUP, Topics.PROBLEMS);
    sender.awaitConsumed(GROUP, Topics.ROUNDS);
    List<Document> before = snapshot();

    ConsumerGroupReplay.replay(
        listeners,
        Brokers.of(kafka),
        GROUP,
        List.of(Topics.ROUNDS, Topics.PROBLEMS),
        () -> {
          mongo.dropCollection("known_rounds");
          mongo.dropCollection("known_problems");
        });
    sender.awaitConsumed(GROUP, Topics.PROBLEMS);
    sender.awaitConsumed(GROUP, Topics.ROUNDS);

    assertThat(snapshot()).isNotEmpty().isEqualTo(before);
  }

  @Test
  void aCloseArrivingWhilePitchesAreBeingMadeIsRespected() throws Exception {
    UUID roundId = programme.openRound();
    UUID problemId = programme.publishedProblem(roundId);
    List<UUID> smes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      smes.add(programme.registeredSme());
    }
    ConcurrentLinkedQueue<Http.Response> answers = new ConcurrentLinkedQueue<>();
    ExecutorService pitching = Executors.newFixedThreadPool(3);
    for (UUID sme : smes) {
      pitching.submit(
          () ->
              answers.add(
                  programme.asSme(sme).post("/api/submissions", pitch(problemId, sme, "Race"))));
    }
    sender.send(new ProblemClosed(problemId, 3, roundId, T0));
    pitching.shutdown();
    assertThat(pitching.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    programme.awaitProblemAvailability(problemId, "CLOSED");
    Instant closeApplied =
        programme.knownProblem(problemId).getDate("availabilityAppliedAt").toInstant();

    // Every pitch was either accepted from a check made before the close was applied here, or
    // refused because of the close; none was accepted after it.
    List<Http.Response> accepted = answers.stream().filter(a -> a.status() == 201).toList();
    assertThat(answers).hasSize(12).allMatch(a -> a.status() == 201 || a.status() == 409);
    assertThat(accepted)
        .allSatisfy(a -> assertThat(Instant.parse(a.text("submittedAt"))).isBefore(closeApplied));
    answers.stream()
        .filter(a -> a.status() == 409)
        .forEach(a -> assertThat(a.text("type")).isEqualTo("/problems/problem-not-open"));
    UUID late = programme.registeredSme();
    assertThat(
            programme
                .asSme(late)
                .post("/api/submissions", pitch(problemId, late, "After"))
                .status())
        .isEqualTo(409);
    assertThat(mongo.count(query(where("problemId").is(problemId.toString())), "submissions"))
        .isEqualTo(accepted.size());
  }

  /** Both collections, sorted, without when this instance happened to apply each change. */
  private List<Document> snapshot() {
    List<Document> docs = new ArrayList<>();
    for (String collection : List.of("known_rounds", "known_problems")) {
      mongo.findAll(Document.class, collection).stream()
          .peek(doc -> doc.remove("availabilityAppliedAt"))
          .sorted(Comparator.comparing(doc -> doc.getString("_id")))
          .forEach(docs::add);
    }
    return docs;
  }
}
