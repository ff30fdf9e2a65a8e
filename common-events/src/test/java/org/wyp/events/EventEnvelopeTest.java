package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.round.RoundOpened;

/** The CloudEvents 1.0 Kafka binary binding: headers out, and a record decoded back. */
class EventEnvelopeTest {

  private static final String PROBLEM_ID = "01956a4f-1200-7b2c-9d3e-4f5a6b7c8d02";
  private static final String ROUND_ID = "01956a4e-8c00-7000-8a1b-2c3d4e5f6a01";
  private static final Instant TIME = Instant.parse("2026-03-02T11:15:00.250Z");

  static Stream<Named<EventType>> catalog() {
    return GoldenSamples.catalog();
  }

  @Test
  void wrappedEventHasExactlyTheBindingHeaders() {
    ProblemPublished event = GoldenSamples.event(ProblemPublished.class);

    EventEnvelope envelope = EventEnvelope.wrap(event, "/wyp/problem-service", TIME);
    Map<String, String> headers = CloudEventHeaders.of(envelope);

    assertThat(headers)
        .containsOnlyKeys(
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "ce_subject",
            "content-type")
        .contains(
            entry("ce_specversion", "1.0"),
            entry("ce_source", "/wyp/problem-service"),
            entry("ce_type", "wyp.problem.ProblemPublished.v1"),
            entry("ce_time", "2026-03-02T11:15:00.250Z"),
            entry("ce_subject", PROBLEM_ID),
            entry("content-type", "application/json"));
    UUID id = UUID.fromString(headers.get("ce_id"));
    assertThat(id).isEqualTo(envelope.id());
    assertThat(id.version()).isEqualTo(7);
    assertThat(Instant.parse(headers.get("ce_time"))).isEqualTo(TIME);
  }

  @Test
  void envelopeNamesItsTopicAndKey() {
    EventEnvelope envelope =
        EventEnvelope.wrap(
            GoldenSamples.event(ProblemPublished.class), "/wyp/problem-service", TIME);

    assertThat(envelope.topic()).isEqualTo("wyp.problems.v1");
    assertThat(envelope.key()).isEqualTo(PROBLEM_ID);
    assertThat(envelope.subject()).isEqualTo(PROBLEM_ID);
  }

  @Test
  void eachWrapGivesANewEventId() {
    ProblemPublished event = GoldenSamples.event(ProblemPublished.class);

    EventEnvelope first = EventEnvelope.wrap(event, "/wyp/problem-service", TIME);
    EventEnvelope second = EventEnvelope.wrap(event, "/wyp/problem-service", TIME);

    assertThat(first.id()).isNotEqualTo(second.id());
  }

  @Test
  void decodingTheHeadersAndBodyGivesBackAnEqualEnvelope() {
    ProblemPublished event = GoldenSamples.event(ProblemPublished.class);
    EventEnvelope envelope = EventEnvelope.wrap(event, "/wyp/problem-service", TIME);

    assertThat(EventCodec.decode(CloudEventHeaders.of(envelope), EventCodec.toJson(event)))
        .contains(envelope);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void everyCatalogTypeDecodesToAnEqualEnvelope(EventType type) {
    DomainEvent event = GoldenSamples.event(type);
    EventEnvelope envelope = EventEnvelope.wrap(event, "/wyp/some-service", TIME);

    assertThat(envelope.type()).isEqualTo(type.name());
    assertThat(envelope.subject()).isEqualTo(event.aggregateId().toString());
    assertThat(EventCodec.decode(CloudEventHeaders.of(envelope), EventCodec.toJson(event)))
        .contains(envelope);
  }

  @Test
  void validRoundOpenedRecordDecodes() {
    assertThat(EventCodec.decode(roundOpenedHeaders(), roundOpenedBody(ROUND_ID, 2)))
        .get()
        .extracting(EventEnvelope::data)
        .isEqualTo(new RoundOpened(UUID.fromString(ROUND_ID), 2, TIME));
  }

  @Test
  void unknownTypeDecodesToEmpty() {
    Map<String, String> headers = roundOpenedHeaders();
    headers.put("ce_type", "wyp.round.RoundRenamed.v1");
    byte[] body =
        ("{\"roundId\":\"" + ROUND_ID + "\",\"version\":5,\"name\":\"Round 3 (renamed)\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(EventCodec.decode(headers, body)).isEmpty();
  }

  @Test
  void malformedJsonIsRejected() {
    byte[] body =
        ("{\"roundId\":\"" + ROUND_ID + "\",\"version\":2,").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventCodec.decode(roundOpenedHeaders(), body))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("RoundOpened");
  }

  @Test
  void emptyBodyIsRejected() {
    assertThatThrownBy(() -> EventCodec.decode(roundOpenedHeaders(), new byte[0]))
        .isInstanceOf(EventDecodingException.class);
  }

  @Test
  void jsonNullBodyIsRejected() {
    assertThatThrownBy(
            () -> EventCodec.decode(roundOpenedHeaders(), "null".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EventDecodingException.class);
  }

  @Test
  void missingEventIdIsRejected() {
    Map<String, String> headers = roundOpenedHeaders();
    headers.remove("ce_id");

    assertThatThrownBy(() -> EventCodec.decode(headers, roundOpenedBody(ROUND_ID, 2)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("ce_id");
  }

  @Test
  void eventIdThatIsNotAUuidIsRejected() {
    Map<String, String> headers = roundOpenedHeaders();
    headers.put("ce_id", "evt-42");

    assertThatThrownBy(() -> EventCodec.decode(headers, roundOpenedBody(ROUND_ID, 2)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("ce_id");
  }

  @Test
  void bodyWithoutTheAggregateIdIsRejected() {
    byte[] body =
        "{\"version\":2,\"openedAt\":\"2026-03-01T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventCodec.decode(roundOpenedHeaders(), body))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("aggregate id");
  }

  @Test
  void versionZeroIsRejected() {
    assertThatThrownBy(() -> EventCodec.decode(roundOpenedHeaders(), roundOpenedBody(ROUND_ID, 0)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("version");
  }

  @Test
  void bodyWithoutAVersionIsRejected() {
    byte[] body =
        ("{\"roundId\":\"" + ROUND_ID + "\",\"openedAt\":\"2026-03-01T09:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventCodec.decode(roundOpenedHeaders(), body))
        .isInstanceOf(EventDecodingException.class);
  }

  @Test
  void unsupportedSpecVersionIsRejected() {
    Map<String, String> headers = roundOpenedHeaders();
    headers.put("ce_specversion", "0.3");

    assertThatThrownBy(() -> EventCodec.decode(headers, roundOpenedBody(ROUND_ID, 2)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("ce_specversion");
  }

  @Test
  void timeThatIsNotAnInstantIsRejected() {
    Map<String, String> headers = roundOpenedHeaders();
    headers.put("ce_time", "yesterday");

    assertThatThrownBy(() -> EventCodec.decode(headers, roundOpenedBody(ROUND_ID, 2)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("ce_time");
  }

  @Test
  void missingSourceIsRejected() {
    Map<String, String> headers = roundOpenedHeaders();
    headers.remove("ce_source");

    assertThatThrownBy(() -> EventCodec.decode(headers, roundOpenedBody(ROUND_ID, 2)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("ce_source");
  }

  @Test
  void subjectThatIsNotTheBodysAggregateIdIsRejected() {
    Map<String, String> headers = roundOpenedHeaders();
    headers.put("ce_subject", "01956b00-0000-7abc-8def-ffffffffffff");

    assertThatThrownBy(() -> EventCodec.decode(headers, roundOpenedBody(ROUND_ID, 2)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("ce_subject");
  }

  @Test
  void judgingEventWithoutItsRoundIdIsRejected() {
    Map<String, String> headers = roundOpenedHeaders();
    String pitchId = "01956b00-0000-7abc-8def-00000000000a";
    headers.put("ce_type", "wyp.judging.PitchShortlisted.v1");
    headers.put("ce_subject", pitchId);
    byte[] body =
        ("{\"pitchId\":\""
                + pitchId
                + "\",\"version\":3,\"screeningRank\":1,\"decidedAt\":\"2026-05-01T09:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventCodec.decode(headers, body))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("partition key");
  }

  /** Headers of a valid RoundOpened record, written out so the test does not trust the code. */
  private static Map<String, String> roundOpenedHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", "01956b00-0000-7abc-8def-0123456789ab");
    headers.put("ce_source", "/wyp/problem-service");
    headers.put("ce_type", "wyp.round.RoundOpened.v1");
    headers.put("ce_time", TIME.toString());
    headers.put("ce_subject", ROUND_ID);
    headers.put("content-type", "application/json");
    return headers;
  }

  private static byte[] roundOpenedBody(String roundId, long version) {
    return ("{\"roundId\":\""
            + roundId
            + "\",\"version\":"
            + version
            + ",\"openedAt\":\""
            + TIME
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
