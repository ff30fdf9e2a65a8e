package org.wyp.submissionservice.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.kit.testing.TopicReader.header;
import static org.wyp.kit.testing.TopicReader.ofType;
import static org.wyp.kit.testing.TopicReader.withSubject;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.round.RoundSubmissionsClosed;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TopicReader;
import org.wyp.submissionservice.ProgrammeSupport;

/** Submitting, amending and withdrawing pitches through the API, on real infrastructure. */
@ServiceIntegrationTest
class SubmissionApiTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;

  Http http;
  RecordSender sender;
  TopicReader submissionsTopic;
  ProgrammeSupport programme;
  UUID roundId;
  UUID problemId;
  UUID smeId;
  Http sme;
  Http organiser;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    submissionsTopic = new TopicReader(Brokers.of(kafka), Topics.SUBMISSIONS);
    programme = new ProgrammeSupport(http, sender, mongo);
    roundId = programme.openRound();
    problemId = programme.publishedProblem(roundId);
    smeId = programme.registeredSme();
    sme = programme.asSme(smeId);
    organiser = programme.asOrganiser();
  }

  @AfterEach
  void tearDown() {
    sender.close();
    submissionsTopic.close();
  }

  @Test
  void aPitchToAPublishedProblemIsAcceptedAndAnnouncedWithoutPrivateFields() {
    Http.Response created = sme.post("/api/submissions", pitch(problemId, smeId, "Damp sensors"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    assertThat(created.header("Location")).isEqualTo("/api/submissions/" + id);
    assertThat(created.text("status")).isEqualTo("SUBMITTED");
    assertThat(created.json().path("version").asLong()).isEqualTo(1);
    assertThat(created.text("roundId")).isEqualTo(roundId.toString());

    ConsumerRecord<String, byte[]> record = submissionsTopic.awaitAny(withSubject(id)).getFirst();
    assertThat(record.key()).isEqualTo(id);
    assertThat(header(record, "ce_type")).isEqualTo("wyp.submission.SubmissionReceived.v1");
    assertThat(header(record, "ce_source")).isEqualTo("/wyp/submission-service");
    SubmissionReceived event = EventCodec.fromJson(record.value(), SubmissionReceived.class);
    assertThat(event.smeId()).isEqualTo(smeId);
    assertThat(event.problemId()).isEqualTo(problemId);
    assertThat(event.roundId()).isEqualTo(roundId);
    assertThat(event.title()).isEqualTo("Damp sensors");
    assertThat(event.requestedPence()).isEqualTo(4_500_000L);
    assertThat(event.smeName()).startsWith("Breathe Sensors");
    String raw = new String(record.value(), StandardCharsets.UTF_8);
    assertThat(raw).doesNotContain("Install 200 sensors", "aisha@", "Aisha Okafor");
  }

  @Test
  void aPitchToAnUnknownOrDraftProblemIsRefusedAndNothingIsStoredOrPublished() {
    // A draft was never published, so this service has never heard of it: the same as unknown.
    UUID draft = UUID.randomUUID();

    Http.Response refused = sme.post("/api/submissions", pitch(draft, smeId, "Too early"));

    assertProblem(refused, 422, "unknown-problem");
    assertThat(refused.text("detail")).contains(draft.toString());
    assertNothingStoredOrPublishedFor(smeId);
  }

  @Test
  void aPitchToAClosedProblemIsRefusedAndNothingIsStoredOrPublished() {
    programme.closeProblem(problemId, roundId, 3);

    Http.Response refused = sme.post("/api/submissions", pitch(problemId, smeId, "Too late"));

    assertProblem(refused, 409, "problem-not-open");
    assertThat(refused.text("detail")).contains("CLOSED");
    assertNothingStoredOrPublishedFor(smeId);
  }

  @Test
  void aPitchOutsideAnOpenRoundIsRefused() {
    sender.send(new RoundSubmissionsClosed(roundId, 3, ProgrammeSupport.T0));
    programme.awaitRoundPhase(roundId, "SUBMISSIONS_CLOSED");

    assertProblem(
        sme.post("/api/submissions", pitch(problemId, smeId, "Late")), 409, "round-not-open");
    assertNothingStoredOrPublishedFor(smeId);
  }

  @Test
  void anIneligibleSmeCannotSubmitAndIsToldWhichRuleFailed() {
    UUID tooBig = programme.registeredSme("L1 8JQ", 250);
    Http.Response refused =
        programme.asSme(tooBig).post("/api/submissions", pitch(problemId, tooBig, "Big co"));
    assertProblem(refused, 422, "sme-ineligible");
    assertThat(refused.text("detail")).contains("250");

    UUID manchester = programme.registeredSme("M1 1AE", 12);
    Http.Response outside =
        programme.asSme(manchester).post("/api/submissions", pitch(problemId, manchester, "Far"));
    assertProblem(outside, 422, "postcode-area-ineligible");
    assertThat(outside.text("detail")).contains("area M").contains("[L, CH, WA, PR]");

    assertNothingStoredOrPublishedFor(tooBig);
    assertNothingStoredOrPublishedFor(manchester);
  }

  @Test
  void anSmeHasOneLivePitchPerProblemUntilItWithdraws() {
    String first = sme.post("/api/submissions", pitch(problemId, smeId, "First")).text("id");

    assertProblem(
        sme.post("/api/submissions", pitch(problemId, smeId, "Second")), 409, "already-submitted");
    assertThat(storedFor(smeId)).isEqualTo(1);

    assertThat(sme.post("/api/submissions/" + first + "/withdraw", null).text("status"))
        .isEqualTo("WITHDRAWN");
    Http.Response again = sme.post("/api/submissions", pitch(problemId, smeId, "Second"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(storedFor(smeId)).isEqualTo(2);
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheSameSubmissionNeverASecond() {
    Map<String, Object> body = pitch(problemId, smeId, "Retried");
    Map<String, String> key = Map.of("Idempotency-Key", "sme-retry-" + UUID.randomUUID());

    Http.Response first = sme.send("POST", "/api/submissions", body, key);
    Http.Response retry = sme.send("POST", "/api/submissions", body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.text("id")).isEqualTo(first.text("id"));
    assertThat(storedFor(smeId)).isEqualTo(1);
    await().until(() -> relay.backlog() == 0);
    assertThat(submissionsTopic.readToEnd().stream().filter(withSubject(first.text("id"))))
        .hasSize(1);

    Map<String, Object> different = pitch(problemId, smeId, "Something else");
    assertProblem(
        sme.send("POST", "/api/submissions", different, key), 422, "idempotency-key-reused");
    assertThat(storedFor(smeId)).isEqualTo(1);
  }

  @Test
  void amendingWorksWhileOpenAndStopsWhenTheProblemClosesButWithdrawingDoesNot() {
    Http.Response created = sme.post("/api/submissions", pitch(problemId, smeId, "v1"));
    String id = created.text("id");

    assertProblem(
        sme.put("/api/submissions/" + id, pitch(problemId, smeId, "v2"), Map.of()),
        428,
        "precondition-required");
    Http.Response amended =
        sme.put(
            "/api/submissions/" + id, pitch(problemId, smeId, "v2"), Map.of("If-Match", "\"1\""));
    assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
    assertThat(amended.text("title")).isEqualTo("v2");
    assertThat(amended.json().path("version").asLong()).isEqualTo(2);
    assertThat(amended.header("ETag")).isEqualTo("\"2\"");
    submissionsTopic.awaitAny(withSubject(id).and(ofType("wyp.submission.SubmissionAmended.v1")));
    assertProblem(
        sme.put(
            "/api/submissions/" + id, pitch(problemId, smeId, "v3"), Map.of("If-Match", "\"1\"")),
        412,
        "precondition-failed");

    programme.closeProblem(problemId, roundId, 3);
    assertProblem(
        sme.put(
            "/api/submissions/" + id, pitch(problemId, smeId, "v3"), Map.of("If-Match", "\"2\"")),
        409,
        "problem-not-open");

    Http.Response withdrawn = sme.post("/api/submissions/" + id + "/withdraw", null);
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
    submissionsTopic.awaitAny(withSubject(id).and(ofType("wyp.submission.SubmissionWithdrawn.v1")));
    assertProblem(
        sme.post("/api/submissions/" + id + "/withdraw", null), 409, "illegal-transition");
  }

  @Test
  void liveSubmissionsAreCountedPerProblemForThePublic() {
    UUID otherProblem = programme.publishedProblem(roundId);
    sme.post("/api/submissions", pitch(problemId, smeId, "A"));
    UUID second = programme.registeredSme();
    String withdrawn =
        programme.asSme(second).post("/api/submissions", pitch(problemId, second, "B")).text("id");
    programme.asSme(second).post("/api/submissions", pitch(otherProblem, second, "C"));
    UUID third = programme.registeredSme();
    programme.asSme(third).post("/api/submissions", pitch(problemId, third, "D"));
    programme.asSme(second).post("/api/submissions/" + withdrawn + "/withdraw", null);

    assertThat(
            http.get("/api/problems/" + problemId + "/submission-count")
                .json()
                .path("submissions")
                .asLong())
        .isEqualTo(2);
    Map<String, Long> byProblem =
        http.get("/api/rounds/" + roundId + "/submission-counts")
            .json()
            .path("content")
            .valueStream()
            .collect(
                java.util.stream.Collectors.toMap(
                    n -> n.path("problemId").asString(), n -> n.path("submissions").asLong()));
    assertThat(byProblem)
        .containsOnly(Map.entry(problemId.toString(), 2L), Map.entry(otherProblem.toString(), 1L));
  }

  @Test
  void listsFilterBySmeProblemRoundAndStatusAndArePaged() {
    UUID other = programme.publishedProblem(roundId);
    sme.post("/api/submissions", pitch(problemId, smeId, "One"));
    String two = sme.post("/api/submissions", pitch(other, smeId, "Two")).text("id");
    sme.post("/api/submissions/" + two + "/withdraw", null);

    var mine = sme.get("/api/submissions?smeId=" + smeId).json();
    assertThat(mine.path("totalElements").asLong()).isEqualTo(2);
    var withdrawn = sme.get("/api/submissions?smeId=" + smeId + "&status=WITHDRAWN").json();
    assertThat(withdrawn.path("content").get(0).path("id").asString()).isEqualTo(two);
    var paged = organiser.get("/api/submissions?roundId=" + roundId + "&size=1&page=1").json();
    assertThat(paged.path("content").size()).isEqualTo(1);
    assertThat(paged.path("totalElements").asLong()).isEqualTo(2);
    assertThat(organiser.get("/api/submissions?size=101").status()).isEqualTo(400);
    assertThat(organiser.get("/api/submissions?status=LOST").status()).isEqualTo(400);
  }

  @Test
  void invalidPitchesAreRefusedWithTheFieldsNamedAndNothingStored() {
    Map<String, Object> bad = pitch(problemId, smeId, " ");
    bad.put("requestedPence", 0);
    bad.put("links", List.of("javascript:alert(1)"));
    bad.remove("team");
    Http.Response refused = sme.post("/api/submissions", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").valueStream().map(e -> e.path("field").asString()))
        .contains("title", "requestedPence", "links[0]", "team");

    Map<String, Object> operator = pitch(problemId, smeId, "x");
    operator.put("title", Map.of("$gt", ""));
    assertThat(sme.post("/api/submissions", operator).status()).isEqualTo(400);

    Http.Response literal =
        sme.post("/api/submissions", pitch(problemId, smeId, "{\"$gt\": \"\"}"));
    assertThat(literal.status()).isEqualTo(201);
    assertThat(sme.get("/api/submissions/" + literal.text("id")).text("title"))
        .isEqualTo("{\"$gt\": \"\"}");
    assertThat(storedFor(smeId)).isEqualTo(1);
  }

  private void assertNothingStoredOrPublishedFor(UUID sme) {
    assertThat(storedFor(sme)).isZero();
    await().until(() -> relay.backlog() == 0);
    assertThat(submissionsTopic.readToEnd())
        .filteredOn(r -> header(r, "ce_type").startsWith("wyp.submission."))
        .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(sme.toString()));
  }

  private long storedFor(UUID sme) {
    return mongo.count(Query.query(where("smeId").is(sme.toString())), "submissions");
  }
}
