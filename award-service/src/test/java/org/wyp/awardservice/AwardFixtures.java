package org.wyp.awardservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.wyp.events.DomainEvent;
import org.wyp.events.EventCodec;
import org.wyp.events.award.AwardEvent;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.JudgingConcluded.RankedPitch;
import org.wyp.events.judging.Stage;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;

/** Requests, events and assertions the award-service tests share. */
public final class AwardFixtures {

  public static final Instant T0 = Instant.parse("2026-06-12T15:00:00Z");

  private AwardFixtures() {}

  /** A fund request with a 40/60 schedule. */
  public static Map<String, Object> fund(long budgetPence, int maxAwards, String policy) {
    Map<String, Object> fund = new LinkedHashMap<>();
    fund.put("budgetPence", budgetPence);
    fund.put("maxAwards", maxAwards);
    fund.put("policy", policy);
    fund.put(
        "tranches",
        List.of(
            Map.of("label", "On acceptance", "percent", 40),
            Map.of("label", "Final milestone", "percent", 60)));
    return fund;
  }

  public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  public static Map<String, Object> without(Map<String, Object> body, String field) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    changed.remove(field);
    return changed;
  }

  /** A pitch of the finals' ranking; {@code rank} null means unranked. */
  public static RankedPitch ranked(Integer rank, long requestedPence) {
    return new RankedPitch(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        rank,
        80.0 - (rank == null ? 50 : rank),
        null,
        3,
        70.0,
        requestedPence);
  }

  public static JudgingConcluded finals(UUID roundId, List<RankedPitch> ranking) {
    return new JudgingConcluded(roundId, 12, Stage.FINALS, ranking, "c0ffee", T0);
  }

  public static Http.Response configure(Http http, UUID roundId, Map<String, Object> fund) {
    return http.put("/api/funds/" + roundId, fund, Map.of());
  }

  /**
   * The awarded SME accepts its award, with a token bound to its {@code sme_id}, which {@code
   * organiser} (an organiser's client) looks up first.
   */
  public static Http.Response accept(Http organiser, String awardId) {
    Http.Response award = organiser.get("/api/awards/" + awardId);
    assertThat(award.status()).as(award.toString()).isEqualTo(200);
    UUID smeId = UUID.fromString(award.json().path("smeId").asString());
    return organiser.as(TestTokens.sme(smeId)).post("/api/awards/" + awardId + "/accept", null);
  }

  /** The award events of one round seen on the awards topic so far, decoded, in topic order. */
  public static <T extends AwardEvent> List<T> awardEvents(
      TopicReader reader, String ceType, Class<T> type, UUID roundId) {
    List<T> events = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : reader.matching(TopicReader.ofType(ceType))) {
      T event = EventCodec.fromJson(record.value(), type);
      if (event.roundId().equals(roundId)) {
        assertThat(record.key()).as("key of %s", event).isEqualTo(event.awardId().toString());
        events.add(event);
      }
    }
    return events;
  }

  public static <T extends DomainEvent> T decode(
      ConsumerRecord<String, byte[]> record, Class<T> t) {
    return EventCodec.fromJson(record.value(), t);
  }
}
