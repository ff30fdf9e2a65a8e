package org.wyp.submissionservice.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wyp.kit.testing.ProblemAssertions.assertProblem;
import static org.wyp.submissionservice.ProgrammeSupport.pitch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.submissionservice.ProgrammeSupport;
import tools.jackson.databind.JsonNode;

/**
 * Who sees and changes which pitch: an SME only its own (another's is as unknown as none), an
 * organiser reads every pitch but changes none, and the public sees counts and nothing more.
 */
@ServiceIntegrationTest
class SubmissionAccessTest {

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;

  Http http;
  RecordSender sender;
  ProgrammeSupport programme;
  UUID roundId;
  UUID problemId;
  UUID smeId;
  UUID otherSmeId;
  Http sme;
  Http otherSme;
  Http organiser;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    programme = new ProgrammeSupport(http, sender, mongo);
    roundId = programme.openRound();
    problemId = programme.publishedProblem(roundId);
    smeId = programme.registeredSme();
    otherSmeId = programme.registeredSme();
    sme = programme.asSme(smeId);
    otherSme = programme.asSme(otherSmeId);
    organiser = programme.asOrganiser();
  }

  @AfterEach
  void tearDown() {
    sender.close();
  }

  @Test
  void anSmeListsOnlyItsOwnPitchesWhateverItAsksFor() {
    UUID otherProblem = programme.publishedProblem(roundId);
    String mine = submit(sme, problemId, smeId);
    String mineToo = submit(sme, otherProblem, smeId);
    String theirs = submit(otherSme, problemId, otherSmeId);

    assertThat(ids(sme.get("/api/submissions"))).containsExactlyInAnyOrder(mine, mineToo);
    assertThat(ids(sme.get("/api/submissions?roundId=" + roundId)))
        .containsExactlyInAnyOrder(mine, mineToo);
    assertThat(ids(sme.get("/api/submissions?problemId=" + problemId))).containsExactly(mine);
    assertThat(ids(sme.get("/api/submissions?smeId=" + smeId + "&problemId=" + problemId)))
        .containsExactly(mine);

    JsonNode foreign = sme.get("/api/submissions?smeId=" + otherSmeId).json();
    assertThat(foreign.path("content").size()).isZero();
    assertThat(foreign.path("totalElements").asLong()).isZero();
    assertThat(sme.get("/api/submissions?smeId=" + UUID.randomUUID()).json().path("totalElements"))
        .isEqualTo(foreign.path("totalElements"));

    assertThat(ids(organiser.get("/api/submissions?problemId=" + problemId)))
        .containsExactlyInAnyOrder(mine, theirs);
    assertThat(ids(organiser.get("/api/submissions?smeId=" + otherSmeId))).containsExactly(theirs);
  }

  @Test
  void anotherSmesPitchIsAsUnknownAsOneThatDoesNotExistAndStaysUnchanged() {
    String theirs = submit(otherSme, problemId, otherSmeId);
    String unknown = UUID.randomUUID().toString();

    for (String id : List.of(theirs, unknown)) {
      assertNotFound(sme.get("/api/submissions/" + id), id);
      assertNotFound(
          sme.put(
              "/api/submissions/" + id,
              pitch(problemId, smeId, "Hijacked"),
              Map.of("If-Match", "\"1\"")),
          id);
      assertNotFound(sme.post("/api/submissions/" + id + "/withdraw", null), id);
    }

    JsonNode stored = organiser.get("/api/submissions/" + theirs).json();
    assertThat(stored.path("title").asString()).isEqualTo("Pitch");
    assertThat(stored.path("status").asString()).isEqualTo("SUBMITTED");
    assertThat(stored.path("version").asLong()).isEqualTo(1);
  }

  @Test
  void anOrganiserReadsAnyPitchWithItsPrivateFieldsButChangesNone() {
    String id = submit(sme, problemId, smeId);

    JsonNode read = organiser.get("/api/submissions/" + id).json();
    assertThat(read.path("approach").asString()).contains("Install 200 sensors");
    assertThat(read.path("dataUse").asString()).isNotBlank();
    assertThat(read.path("team").size()).isEqualTo(1);

    assertProblem(
        organiser.put(
            "/api/submissions/" + id, pitch(problemId, smeId, "Edited"), Map.of("If-Match", "*")),
        403,
        "forbidden");
    assertProblem(organiser.post("/api/submissions/" + id + "/withdraw", null), 403, "forbidden");
    assertProblem(
        organiser.post("/api/submissions", pitch(problemId, smeId, "On behalf")), 403, "forbidden");
    JsonNode after = sme.get("/api/submissions/" + id).json();
    assertThat(after.path("title").asString()).isEqualTo("Pitch");
    assertThat(after.path("status").asString()).isEqualTo("SUBMITTED");
  }

  @Test
  void theOwnerMayNotRenameItsPitchToAnotherSme() {
    String id = submit(sme, problemId, smeId);

    assertProblem(
        sme.put(
            "/api/submissions/" + id,
            pitch(problemId, otherSmeId, "Moved"),
            Map.of("If-Match", "\"1\"")),
        403,
        "sme-mismatch");
    assertThat(sme.get("/api/submissions/" + id).json().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyReplaysOnlyTheSameSmesPitch() {
    Map<String, String> key = Map.of("Idempotency-Key", "shared-" + UUID.randomUUID());
    Http.Response first =
        sme.send("POST", "/api/submissions", pitch(problemId, smeId, "Keyed"), key);
    assertThat(first.status()).isEqualTo(201);

    Http.Response theirs =
        otherSme.send("POST", "/api/submissions", pitch(problemId, otherSmeId, "Keyed"), key);

    assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
    assertThat(theirs.text("id")).isNotEqualTo(first.text("id"));
    assertThat(theirs.text("smeId")).isEqualTo(otherSmeId.toString());
  }

  @Test
  void thePublicCountsCarryCountsAndNothingElse() {
    submit(sme, problemId, smeId);
    submit(otherSme, problemId, otherSmeId);

    Http.Response count = http.get("/api/problems/" + problemId + "/submission-count");
    assertThat(count.status()).isEqualTo(200);
    assertThat(fields(count.json())).containsExactlyInAnyOrder("problemId", "submissions");
    assertThat(count.json().path("submissions").asLong()).isEqualTo(2);

    Http.Response counts = http.get("/api/rounds/" + roundId + "/submission-counts");
    assertThat(counts.status()).isEqualTo(200);
    assertThat(fields(counts.json())).containsExactly("content");
    for (JsonNode entry : counts.json().path("content")) {
      assertThat(fields(entry)).containsExactlyInAnyOrder("problemId", "submissions");
    }
    for (Http.Response page : List.of(count, counts)) {
      assertThat(page.body())
          .doesNotContain(smeId.toString(), otherSmeId.toString())
          .doesNotContain("Breathe", "Aisha", "Install 200 sensors", "Pitch");
    }
  }

  private String submit(Http as, UUID problem, UUID sme) {
    Http.Response created = as.post("/api/submissions", pitch(problem, sme, "Pitch"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  private static void assertNotFound(Http.Response response, String id) {
    JsonNode problem = assertProblem(response, 404, "not-found");
    assertThat(problem.path("detail").asString()).isEqualTo("No submission with id " + id);
  }

  private static List<String> ids(Http.Response page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.json().path("content").forEach(item -> ids.add(item.path("id").asString()));
    return ids;
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
