package org.wyp.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.wyp.events.CloudEventHeaders;
import org.wyp.events.EventEnvelope;
import org.wyp.events.round.RoundOpened;

/** What the relay sends for a stored event: the CloudEvents headers, then its trace context. */
class PendingEventTest {

  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final EventEnvelope envelope =
      EventEnvelope.wrap(new RoundOpened(UUID.randomUUID(), 2, NOW), "/wyp/test-service", NOW);

  @Test
  void anEventCausedInATraceIsSentWithItsTraceparentAfterTheCloudEventsHeaders() {
    ProducerRecord<String, byte[]> record =
        PendingEvent.toRecord(PendingEvent.toDocument(envelope, TRACEPARENT));

    assertThat(headerNames(record))
        .containsExactly(
            CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT,
            CloudEventHeaders.CONTENT_TYPE,
            "traceparent");
    assertThat(header(record, "traceparent")).isEqualTo(TRACEPARENT);
    assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(envelope.id().toString());
  }

  @Test
  void anEventCausedOutsideATraceIsSentWithTheCloudEventsHeadersAlone() {
    ProducerRecord<String, byte[]> record =
        PendingEvent.toRecord(PendingEvent.toDocument(envelope));

    assertThat(headerNames(record))
        .hasSize(7)
        .doesNotContain("traceparent")
        .containsAll(CloudEventHeaders.of(envelope).keySet());
  }

  private static List<String> headerNames(ProducerRecord<String, byte[]> record) {
    return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
