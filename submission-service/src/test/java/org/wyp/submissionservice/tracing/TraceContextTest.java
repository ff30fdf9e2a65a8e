package org.wyp.submissionservice.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.EventCodec;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TopicReader;
import org.wyp.submissionservice.ProgrammeSupport;

/**
 * W3C trace context through submission-service on the real broker: the trace of the request that
 * made a submission leaves with its event, although the outbox relay sends it later on a thread of
 * its own; and a record that arrives with a {@code traceparent} is handled in that trace, which the
 * log lines show.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TraceContextTest {

  /** Logs every record a listener takes up, at DEBUG; see the kit's ReceivedRecordLog. */
  private static final String RECEIVED_RECORD_LOG = "org.wyp.kit.kafka.ReceivedRecordLog";

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;
  @Autowired MongoTemplate mongo;
  @Autowired LoggingSystem logging;

  Http http;
  RecordSender sender;
  ProgrammeSupport programme;
  TopicReader submissions;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port);
    sender = new RecordSender(Brokers.of(kafka));
    programme = new ProgrammeSupport(http, sender, mongo);
    submissions = new TopicReader(Brokers.of(kafka), Topics.SUBMISSIONS);
    logging.setLogLevel(RECEIVED_RECORD_LOG, LogLevel.DEBUG);
  }

  @AfterEach
  void tearDown() {
    logging.setLogLevel(RECEIVED_RECORD_LOG, null);
    submissions.close();
    sender.close();
  }

  @Test
  void aSubmissionsEventCarriesTheTraceOfTheRequestThatMadeIt() {
    UUID problemId = programme.publishedProblem(programme.openRound());
    UUID smeId = programme.registeredSme();
    String traceId = randomHex(16);

    Http.Response submitted =
        programme
            .asSme(smeId)
            .send(
                "POST",
                "/api/submissions",
                ProgrammeSupport.pitch(problemId, smeId, "Damp sensors"),
                Map.of("traceparent", traceparent(traceId, randomHex(8))));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);

    ConsumerRecord<String, byte[]> received =
        submissions.awaitAny(TopicReader.withSubject(submitted.text("id"))).getFirst();
    assertThat(TopicReader.header(received, CloudEventHeaders.TYPE))
        .isEqualTo("wyp.submission.SubmissionReceived.v1");
    // Same trace, sampled; the parent is this service's span for the request.
    assertThat(TopicReader.header(received, "traceparent"))
        .matches("00-" + traceId + "-[0-9a-f]{16}-01");
  }

  @Test
  void aRecordIsHandledInTheTraceItsTraceparentHeaderNames(CapturedOutput output) {
    UUID roundId = UUID.randomUUID();
    EventEnvelope announced =
        EventEnvelope.wrap(
            ProgrammeSupport.announced(roundId), "/wyp/problem-service", Instant.now());
    String traceId = randomHex(16);
    Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(announced));
    headers.put("traceparent", traceparent(traceId, randomHex(8)));

    sender.sendRaw(
        announced.topic(), announced.key(), headers, EventCodec.toJson(announced.data()));
    programme.awaitRoundPhase(roundId, "ANNOUNCED");

    String handling = "submission-service handling wyp.round.RoundAnnounced.v1 " + announced.id();
    await()
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines().filter(line -> line.contains(handling)))
                    .as("log lines of the listener taking up event %s", announced.id())
                    .isNotEmpty()
                    .allMatch(line -> line.contains(traceId)));
  }

  private static String traceparent(String traceId, String parentSpanId) {
    return "00-" + traceId + "-" + parentSpanId + "-01";
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
