package org.wyp.problemservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.problemservice.ApiSupport.draft;
import static org.wyp.problemservice.ApiSupport.openRound;
import static org.wyp.problemservice.ApiSupport.published;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.view.PublicProblem;
import org.wyp.events.view.PublicRound;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;

/** Rounds and problems as the public update topic shows them, read as the web front end would. */
@ServiceIntegrationTest
class PublicViewsTest {

  @LocalServerPort int port;

  @Autowired KafkaProperties kafka;

  @Autowired OutboxRelay relay;

  Http http;
  TopicReader updates;

  @BeforeEach
  void connect() {
    http = Http.localhost(port);
    updates = new TopicReader(Brokers.of(kafka), Topics.UPDATES);
  }

  @AfterEach
  void disconnect() {
    updates.close();
  }

  @Test
  void aRoundIsShownFromItsAnnouncementAndFollowsItsPhase() {
    String roundId = openRound(http);

    List<ConsumerRecord<String, byte[]>> views = settledViews("round:" + roundId);

    assertThat(views)
        .extracting(record -> round(record).status())
        .containsExactly("ANNOUNCED", "OPEN");
    assertThat(views).allMatch(r -> "wyp.view.round.v1".equals(TopicReader.header(r, "ce_type")));
    assertThat(round(views.getLast()).roundId().toString()).isEqualTo(roundId);
  }

  @Test
  void aProblemAppearsWhenPublishedCountsEndorsementsAndIsRemovedWhenWithdrawn() {
    String roundId = openRound(http);
    String problemId = published(http, Fixtures.problem(roundId, "Damp homes and asthma"));
    assertThat(
            http.as(TestTokens.problemOwner("Liverpool City Council"))
                .post(
                    "/api/problems/" + problemId + "/endorsements",
                    Map.of("organisation", "Liverpool City Council", "note", "We see it too"))
                .status())
        .isEqualTo(201);
    assertThat(
            http.as(TestTokens.organiser())
                .post("/api/problems/" + problemId + "/withdraw", null)
                .status())
        .isEqualTo(200);

    List<ConsumerRecord<String, byte[]>> views = settledViews("problem:" + problemId);

    assertThat(views).hasSize(3);
    PublicProblem shown = problem(views.get(0));
    assertThat(shown.title()).isEqualTo("Damp homes and asthma");
    assertThat(shown.status()).isEqualTo("PUBLISHED");
    assertThat(shown.endorsements()).isZero();
    assertThat(problem(views.get(1)).endorsements()).isEqualTo(1);
    assertThat(views.get(2).value()).as("a tombstone removes the withdrawn problem").isNull();
    String json = new String(views.get(1).value(), StandardCharsets.UTF_8);
    assertThat(json)
        .as("the board carries no evidence, datasets or notes")
        .doesNotContain("evidence", "datasets", "We see it too");
  }

  @Test
  void aDraftIsNeverShownNotEvenWhenWithdrawn() {
    String roundId = openRound(http);
    String draftId = draft(http, Fixtures.problem(roundId, "Private thoughts"));
    assertThat(
            http.as(TestTokens.organiser())
                .post("/api/problems/" + draftId + "/withdraw", null)
                .status())
        .isEqualTo(200);

    assertThat(settledViews("problem:" + draftId)).isEmpty();
  }

  private List<ConsumerRecord<String, byte[]>> settledViews(String key) {
    await().until(() -> relay.backlog() == 0);
    return updates.readToEnd().stream().filter(record -> key.equals(record.key())).toList();
  }

  private static PublicRound round(ConsumerRecord<String, byte[]> record) {
    return EventCodec.viewFromJson(record.value(), PublicRound.class);
  }

  private static PublicProblem problem(ConsumerRecord<String, byte[]> record) {
    return EventCodec.viewFromJson(record.value(), PublicProblem.class);
  }
}
