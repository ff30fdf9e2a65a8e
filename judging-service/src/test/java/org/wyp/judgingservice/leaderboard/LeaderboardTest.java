package org.wyp.judgingservice.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.wyp.judgingservice.JudgingSupport.T0;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.events.view.PublicLeaderboard;
import org.wyp.events.view.PublicLeaderboard.Entry;
import org.wyp.judgingservice.JudgingSupport;
import org.wyp.kit.testing.Brokers;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.ServiceIntegrationTest;
import org.wyp.kit.testing.TestTokens;
import org.wyp.kit.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sealed finals board as the public update topic carries it, driven through the REST API and
 * submission events on real infrastructure.
 */
@ServiceIntegrationTest
class LeaderboardTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> BOARD_FIELDS =
      Set.of("roundId", "status", "entries", "scoresFingerprint");
  private static final Set<String> ENTRY_FIELDS =
      Set.of(
          "pitchId", "problemId", "title", "companyName", "scoresIn", "panelSize", "rank", "score");

  @LocalServerPort int port;
  @Autowired KafkaProperties kafka;

  Http http;
  RecordSender sender;
  TopicReader updates;
  JudgingSupport judging;
  UUID roundId;

  @BeforeEach
  void setUp() {
    http = Http.localhost(port).as(TestTokens.organiser());
    sender = new RecordSender(Brokers.of(kafka));
    updates = new TopicReader(Brokers.of(kafka), Topics.UPDATES);
    judging = new JudgingSupport(http, sender);
    roundId = UUID.randomUUID();
  }

  @AfterEach
  void tearDown() {
    sender.close();
    updates.close();
  }

  @Test
  void theBoardFillsInSealedAndEndsWithTheConcludedRanking() {
    SubmissionReceived first =
        JudgingSupport.received(UUID.randomUUID(), roundId, "Breathe Ltd", 0);
    UUID p1 = judging.pitch(first);
    UUID p2 = judging.pitch(roundId, 1);
    UUID p3 = judging.pitch(roundId, 2);
    UUID notFinalist = judging.pitch(roundId, 3);
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    UUID cy = judging.judge("Cy Patel");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    shortlist(p1, p2, p3);

    // Finalists appear once shortlisted; nobody can score them yet.
    PublicLeaderboard board = awaitBoard(b -> b.entries().size() == 3);
    assertThat(board.status()).isEqualTo(PublicLeaderboard.LIVE);
    assertThat(board.entries()).extracting(Entry::pitchId).containsOnly(p1, p2, p3);
    assertThat(board.entries()).extracting(Entry::pitchId).doesNotContain(notFinalist);
    Entry breathe = entry(board, p1);
    assertThat(breathe.title()).isEqualTo(first.title());
    assertThat(breathe.companyName()).isEqualTo("Breathe Ltd");
    assertThat(breathe.problemId()).isEqualTo(first.problemId());
    assertThat(board.entries()).extracting(Entry::scoresIn).containsOnly(0);

    // The finals rubric's quorum is the least a panel can be; then the panel itself.
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 2, null));
    awaitBoard(b -> b.entries().stream().allMatch(e -> e.panelSize() == 2));
    judging.panel(roundId, "FINALS", ann, bob, cy);
    awaitBoard(b -> b.entries().stream().allMatch(e -> e.panelSize() == 3));

    judging.scored(p1, "FINALS", ann, 9, 8);
    judging.scored(p1, "FINALS", bob, 7, 7);
    board = awaitBoard(b -> entry(b, p1).scoresIn() == 2);
    // Two of three: the quorum is met and the ranking endpoint ranks it, but the board keeps it
    // sealed until the whole panel has scored.
    assertThat(entry(board, p1))
        .extracting(Entry::scoresIn, Entry::panelSize, Entry::rank, Entry::score)
        .containsExactly(2, 3, null, null);
    assertThat(rankingEntry(p1).path("rank").isNull()).isFalse();

    judging.scored(p1, "FINALS", cy, 8, 9);
    board = awaitBoard(b -> entry(b, p1).rank() != null);
    assertThat(entry(board, p1))
        .extracting(Entry::scoresIn, Entry::panelSize, Entry::rank)
        .containsExactly(3, 3, 1);
    assertThat(entry(board, p1).score())
        .isCloseTo(rankingEntry(p1).path("rawScore").asDouble(), offset(0.005));

    // A better pitch completes and takes first place; a revision keeps the count at three.
    judging.scored(p2, "FINALS", ann, 10, 10);
    judging.scored(p2, "FINALS", bob, 9, 9);
    judging.scored(p2, "FINALS", cy, 9, 10);
    judging.scored(p2, "FINALS", cy, 10, 10);
    judging.scored(p3, "FINALS", ann, 2, 2);
    board = awaitBoard(b -> entry(b, p2).rank() != null && entry(b, p3).scoresIn() == 1);
    assertThat(board.entries())
        .extracting(Entry::pitchId, Entry::scoresIn, Entry::rank)
        .containsExactly(tuple(p2, 3, 1), tuple(p1, 3, 2), tuple(p3, 1, null));
    assertThat(entry(board, p2).score()).isEqualTo(96.67);

    Http.Response concluded = http.post("/api/rounds/" + roundId + "/conclude", null);
    assertThat(concluded.status()).as(concluded.toString()).isEqualTo(201);
    board = awaitBoard(b -> PublicLeaderboard.CONCLUDED.equals(b.status()));
    assertThat(board.scoresFingerprint())
        .isEqualTo(concluded.json().path("scoresFingerprint").asString())
        .isNotBlank();
    // The final places are the ranking endpoint's; p3 lacked the quorum and stays sealed.
    JsonNode ranking = http.get("/api/rounds/" + roundId + "/stages/FINALS/ranking").json();
    Map<UUID, Integer> ranks = new HashMap<>();
    ranking
        .path("entries")
        .forEach(
            e ->
                ranks.put(
                    UUID.fromString(e.path("pitchId").asString()),
                    e.path("rank").isNull() ? null : e.path("rank").asInt()));
    assertThat(board.entries()).hasSize(ranks.size());
    board.entries().forEach(e -> assertThat(e.rank()).isEqualTo(ranks.get(e.pitchId())));
    assertThat(board.entries())
        .extracting(Entry::pitchId, Entry::rank)
        .containsExactly(tuple(p2, 1), tuple(p1, 2), tuple(p3, null));
    assertThat(entry(board, p3).score()).isNull();

    assertSealedEverywhere(ann, bob, cy);
  }

  @Test
  void aConflictedJudgeLeavesThePitchsPanelAndItsScoreStopsCounting() {
    UUID p1 = judging.pitch(roundId, 0);
    UUID p2 = judging.pitch(roundId, 1);
    UUID ann = judging.judge("Ann Jones");
    UUID bob = judging.judge("Bob Smith");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    shortlist(p1, p2);
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "FINALS", ann, bob);
    Http.Response assigned =
        http.post("/api/rounds/" + roundId + "/stages/FINALS/assignments", null);
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    judging.scored(p1, "FINALS", ann, 9, 9);
    awaitBoard(b -> entry(b, p1).scoresIn() == 1 && entry(b, p1).panelSize() == 2);

    Http.Response declared =
        http.post(
            "/api/judges/" + ann + "/conflicts",
            Map.of("pitchId", p1.toString(), "reason", "Advised the founders"));
    assertThat(declared.status()).as(declared.toString()).isEqualTo(201);

    PublicLeaderboard board = awaitBoard(b -> entry(b, p1).panelSize() == 1);
    assertThat(entry(board, p1))
        .extracting(Entry::scoresIn, Entry::rank, Entry::score)
        .containsExactly(0, null, null);
    assertThat(entry(board, p2).panelSize()).isEqualTo(2);

    judging.scored(p1, "FINALS", bob, 6, 6);
    board = awaitBoard(b -> entry(b, p1).rank() != null);
    assertThat(entry(board, p1))
        .extracting(Entry::scoresIn, Entry::panelSize, Entry::rank, Entry::score)
        .containsExactly(1, 1, 1, 60.0);
    assertSealedEverywhere(ann, bob);
  }

  @Test
  void aWithdrawnFinalistDisappearsFromTheBoard() {
    UUID kept = judging.pitch(roundId, 0);
    SubmissionReceived received =
        JudgingSupport.received(UUID.randomUUID(), roundId, "Gone Ltd", 1);
    UUID gone = judging.pitch(received);
    UUID ann = judging.judge("Ann Jones");
    judging.rubric(roundId, "SCREENING", JudgingSupport.rubric("NONE", 1, null));
    shortlist(kept, gone);
    judging.rubric(roundId, "FINALS", JudgingSupport.rubric("NONE", 1, null));
    judging.panel(roundId, "FINALS", ann);
    judging.scored(gone, "FINALS", ann, 9, 9);
    judging.scored(kept, "FINALS", ann, 5, 5);
    awaitBoard(b -> b.entries().stream().map(Entry::rank).toList().equals(Arrays.asList(1, 2)));

    sender.send(
        new SubmissionWithdrawn(gone, 3, roundId, received.problemId(), received.smeId(), T0));

    PublicLeaderboard board = awaitBoard(b -> b.entries().size() == 1);
    assertThat(board.entries())
        .extracting(Entry::pitchId, Entry::rank, Entry::score)
        .containsExactly(tuple(kept, 1, 50.0));
    assertSealedEverywhere(ann);
  }

  private void shortlist(UUID... pitchIds) {
    Http.Response shortlisted =
        http.post(
            "/api/rounds/" + roundId + "/stages/SCREENING/shortlist",
            Map.of("pitchIds", List.of(pitchIds)));
    assertThat(shortlisted.status()).as(shortlisted.toString()).isEqualTo(200);
  }

  private Predicate<ConsumerRecord<String, byte[]>> ofThisBoard() {
    return r -> ("leaderboard:" + roundId).equals(r.key());
  }

  /** Waits until the latest board published for the round matches, and returns it. */
  private PublicLeaderboard awaitBoard(Predicate<PublicLeaderboard> matching) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<ConsumerRecord<String, byte[]>> boards = updates.matching(ofThisBoard());
              return boards.isEmpty()
                  ? null
                  : EventCodec.viewFromJson(boards.getLast().value(), PublicLeaderboard.class);
            },
            board -> board != null && matching.test(board));
  }

  private static Entry entry(PublicLeaderboard board, UUID pitchId) {
    return board.entries().stream()
        .filter(e -> e.pitchId().equals(pitchId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(pitchId + " is not on the board " + board));
  }

  private JsonNode rankingEntry(UUID pitchId) {
    JsonNode ranking = http.get("/api/rounds/" + roundId + "/stages/FINALS/ranking").json();
    for (JsonNode entry : ranking.path("entries")) {
      if (entry.path("pitchId").asString().equals(pitchId.toString())) {
        return entry;
      }
    }
    throw new AssertionError(pitchId + " is not in the ranking " + ranking);
  }

  /**
   * Every board record the round ever had: only the public fields, no judge named, and no score or
   * place on a pitch whose panel had not finished scoring it while live.
   */
  private void assertSealedEverywhere(UUID... judges) {
    List<ConsumerRecord<String, byte[]>> records =
        updates.readToEnd().stream().filter(ofThisBoard()).toList();
    assertThat(records).isNotEmpty();
    for (ConsumerRecord<String, byte[]> record : records) {
      assertThat(TopicReader.header(record, "ce_type")).isEqualTo("wyp.view.leaderboard.v1");
      String json = new String(record.value(), StandardCharsets.UTF_8);
      for (UUID judge : judges) {
        assertThat(json).doesNotContain(judge.toString());
      }
      JsonNode tree = JSON.readTree(json);
      assertThat(tree.propertyNames()).isSubsetOf(BOARD_FIELDS);
      tree.path("entries").forEach(e -> assertThat(e.propertyNames()).isSubsetOf(ENTRY_FIELDS));
      PublicLeaderboard board = EventCodec.viewFromJson(record.value(), PublicLeaderboard.class);
      if (PublicLeaderboard.LIVE.equals(board.status())) {
        board.entries().stream()
            .filter(e -> e.scoresIn() < e.panelSize())
            .forEach(e -> assertThat(e.rank() == null && e.score() == null).as(json).isTrue());
      }
    }
  }
}
