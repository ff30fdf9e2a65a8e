package org.wyp.problemservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.kit.testing.TopicReader.header;
import static org.wyp.kit.testing.TopicReader.ofType;
import static org.wyp.kit.testing.TopicReader.withSubject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.round.RoundAnnounced;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * What problem-service publishes, checked on a real broker by reading the topics as any other
 * service would. Run against the embedded infrastructure and, where Docker exists, containers.
 */
abstract class ProblemEventsContract {

  @LocalServerPort int port;

  @Autowired KafkaProperties kafka;

  @Autowired OutboxRelay relay;

  Http http;
  TopicReader problemsTopic;
  TopicReader roundsTopic;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    problemsTopic = new TopicReader(Brokers.of(kafka), Topics.PROBLEMS);
    roundsTopic = new TopicReader(Brokers.of(kafka), Topics.ROUNDS);
  }

  @AfterEach
  void disconnect() {
    problemsTopic.close();
    roundsTopic.close();
  }

  @Test
  void publishingAProblemPutsExactlyOneProblemPublishedWithAllCloudEventsHeaders() {
    String roundId = Fixtures.openRound(http);
    Instant before = Instant.now();
    String problemId = Fixtures.publishedProblem(http, roundId, "Damp homes and asthma");

    problemsTopic.awaitAny(withSubject(problemId));
    await().until(() -> relay.backlog() == 0);
    List<ConsumerRecord<String, byte[]>> published =
        problemsTopic.readToEnd().stream()
            .filter(withSubject(problemId))
            .filter(ofType("wyp.problem.ProblemPublished.v1"))
            .toList();

    assertThat(published).hasSize(1);
    ConsumerRecord<String, byte[]> record = published.getFirst();
    assertThat(record.key()).isEqualTo(problemId);
    // The CloudEvents binding's headers, then the trace the request ran in (it sent none: a new
    // one).
    assertThat(record.headers())
        .extracting(Header::key)
        .containsExactly(
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "ce_subject",
            "content-type",
            "traceparent");
    assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
    assertThat(header(record, "ce_source")).isEqualTo("/wyp/problem-service");
    assertThat(header(record, "ce_subject")).isEqualTo(problemId);
    assertThat(Instant.parse(header(record, "ce_time"))).isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(header(record, "content-type")).isEqualTo("application/json");

    ProblemPublished event = EventCodec.fromJson(record.value(), ProblemPublished.class);
    assertThat(event.problemId()).hasToString(problemId);
    assertThat(event.roundId()).hasToString(roundId);
    assertThat(event.content().title()).isEqualTo("Damp homes and asthma");
    assertThat(event.content().boroughs()).containsExactly("Liverpool", "Sefton");
    assertThat(event.version())
        .isEqualTo(http.get("/api/problems/" + problemId).json().path("version").asLong());
  }

  @Test
  void roundTransitionsArePublishedInOrderWithRisingVersions() {
    Map<String, Object> round = Fixtures.round("Round 2");
    round.put("eligiblePostcodeAreas", List.of("L", "WA"));
    Http organiser = http.as(TestTokens.organiser());
    String roundId = organiser.post("/api/rounds", round).text("id");
    organiser.post("/api/rounds/" + roundId + "/open", null);
    organiser.post("/api/rounds/" + roundId + "/close-submissions", null);
    organiser.post("/api/rounds/" + roundId + "/archive", null);

    await()
        .untilAsserted(
            () ->
                assertThat(roundsTopic.matching(withSubject(roundId)))
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly(
                        "wyp.round.RoundAnnounced.v1",
                        "wyp.round.RoundOpened.v1",
                        "wyp.round.RoundSubmissionsClosed.v1",
                        "wyp.round.RoundArchived.v1"));
    List<ConsumerRecord<String, byte[]>> records = roundsTopic.matching(withSubject(roundId));
    RoundAnnounced announced =
        EventCodec.fromJson(records.getFirst().value(), RoundAnnounced.class);
    assertThat(announced.eligiblePostcodeAreas()).containsExactly("L", "WA");
    assertThat(announced.name()).isEqualTo("Round 2");
    assertThat(records).extracting(ConsumerRecord::key).containsOnly(roundId);
    assertThat(records)
        .extracting(r -> JsonMapper.shared().readTree(r.value()).path("version").asLong())
        .containsExactly(1L, 2L, 3L, 4L);
  }
}
