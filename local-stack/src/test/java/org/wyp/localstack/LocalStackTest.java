package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wyp.events.Topics;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TopicReader;

/**
 * Runs the local stack as a developer does, on free ports and a fresh data directory: a round
 * created over HTTP reaches Kafka, a published problem accepts a pitch end to end across the
 * services, and all of it survives stopping and starting the stack again.
 */
class LocalStackTest {

  private static final String ROUND =
      """
      {"name":"Round 1","description":"Health and care",\
      "opensAt":"2026-03-01T09:00:00Z","closesAt":"2026-04-30T17:00:00Z",\
      "finalsAt":"2026-06-12T13:00:00Z"}""";

  private static final String PROBLEM =
      """
      {"roundId":"%s","title":"Damp homes and asthma","summary":"Damp drives admissions",      "description":"Admissions cluster in poor rented housing","theme":"health",      "ownerOrganisation":"Alder Hey","boroughs":["Liverpool"],"evidence":"HES",      "datasets":[],"successMeasures":["Fewer admissions"]}""";

  private static final String SME =
      """
      {"companyName":"Breathe Sensors Ltd","companyNumber":"12345678","employees":12,      "turnoverPence":85000000,"postcode":"L1 8JQ","contactName":"Aisha Okafor",      "contactEmail":"aisha@breathe.example.co.uk","website":"https://breathe.example.co.uk"}""";

  private static final String PITCH =
      """
      {"problemId":"%s","smeId":"%s","title":"Damp sensors","summary":"Sensors in homes",      "approach":"Install sensors","dataUse":"Readings and admissions","impact":"Fewer admissions",      "requestedPence":4500000,"team":[{"name":"Aisha Okafor","role":"Lead"}],"links":[]}""";

  @TempDir Path dataDir;

  @Test
  void runsThePlatformAndKeepsItsDataAcrossARestart() throws Exception {
    LocalStackOptions options = StackOnFreePorts.options(dataDir);
    String roundId;
    String submissionId;
    DevTokens.Sme sme;

    try (LocalStack stack = LocalStack.start(options, System.out)) {
      DevTokens tokens = new DevTokens(stack);
      sme = tokens.newSme();
      Http problems = new Http(stack.serviceUrl("problem-service")).as(tokens.organiser());
      StackOnFreePorts.awaitHealthy(problems);

      Http.Response created = problems.post("/api/rounds", ROUND);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      roundId = created.text("id");
      assertThat(roundId).isNotBlank();

      try (TopicReader rounds = new TopicReader(stack.kafkaBootstrapServers(), Topics.ROUNDS)) {
        assertThat(rounds.awaitAny(announced(roundId))).hasSize(1);
      }
      submissionId = pitchToAPublishedProblem(stack, tokens, problems, roundId, sme);
    }

    try (LocalStack stack = LocalStack.start(options, System.out)) {
      Http problems = new Http(stack.serviceUrl("problem-service"));
      StackOnFreePorts.awaitHealthy(problems);

      Http.Response round = problems.get("/api/rounds/" + roundId);
      assertThat(round.status()).as(round.toString()).isEqualTo(200);
      assertThat(round.text("id")).isEqualTo(roundId);
      assertThat(round.text("name")).isEqualTo("Round 1");

      try (TopicReader rounds = new TopicReader(stack.kafkaBootstrapServers(), Topics.ROUNDS)) {
        assertThat(rounds.readToEnd()).filteredOn(announced(roundId)).hasSize(1);
      }
      // The issuer's key is kept with the data: a token from before the restart still works.
      Http submissions = new Http(stack.serviceUrl("submission-service")).as(sme.token());
      StackOnFreePorts.awaitHealthy(submissions);
      assertThat(submissions.get("/api/submissions/" + submissionId).text("status"))
          .isEqualTo("SUBMITTED");
    }
  }

  /**
   * The README's walk-through: problem-service publishes a problem, submission-service learns of it
   * from Kafka alone, and then accepts an eligible SME's pitch.
   */
  private static String pitchToAPublishedProblem(
      LocalStack stack, DevTokens tokens, Http problems, String roundId, DevTokens.Sme sme) {
    problems.post("/api/rounds/" + roundId + "/open", null);
    String problemId =
        problems
            .as(tokens.problemOwner("Alder Hey"))
            .post("/api/problems", PROBLEM.formatted(roundId))
            .text("id");
    assertThat(problems.post("/api/problems/" + problemId + "/publish", null).status())
        .isEqualTo(200);

    Http submissions = new Http(stack.serviceUrl("submission-service")).as(sme.token());
    StackOnFreePorts.awaitHealthy(submissions);
    Http.Response registered = submissions.post("/api/smes", SME);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String pitch = PITCH.formatted(problemId, sme.smeId());
    // The pitch is accepted once submission-service has consumed the round and problem events.
    Http.Response[] submitted = new Http.Response[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> (submitted[0] = submissions.post("/api/submissions", pitch)).status() == 201);
    assertThat(submitted[0].text("status")).isEqualTo("SUBMITTED");
    String submissionId = submitted[0].text("id");
    // Each service keeps its own identity in the shared JVM: its events name it as their source.
    try (TopicReader events = new TopicReader(stack.kafkaBootstrapServers(), Topics.SUBMISSIONS)) {
      ConsumerRecord<String, byte[]> received =
          events.awaitAny(TopicReader.withSubject(submissionId)).getFirst();
      assertThat(TopicReader.header(received, "ce_source")).isEqualTo("/wyp/submission-service");
    }
    return submissionId;
  }

  private static Predicate<ConsumerRecord<String, byte[]>> announced(String roundId) {
    return TopicReader.ofType("wyp.round.RoundAnnounced.v1")
        .and(record -> roundId.equals(record.key()));
  }
}
