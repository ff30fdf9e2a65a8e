package org.wyp.judgingservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.wyp.events.Uuids;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.TestTokens;

/**
 * Plays submission-service's part on the real broker (its events, as it publishes them) and sets
 * judging up through this service's API: the steps the judging tests share. Set-up calls go as an
 * organiser, scores as the judge who gives them.
 */
public final class JudgingSupport {

  public static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");
  private static final AtomicInteger COMPANIES = new AtomicInteger();

  private final Http http;
  private final RecordSender sender;

  public JudgingSupport(Http http, RecordSender sender) {
    this.http = http.as(TestTokens.organiser());
    this.sender = sender;
  }

  public static SubmissionReceived received(
      UUID pitchId, UUID roundId, String company, int minute) {
    int n = COMPANIES.incrementAndGet();
    return new SubmissionReceived(
        pitchId,
        1,
        roundId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        company,
        "SC%06d".formatted(n),
        "Pitch " + n,
        "Damp sensors in homes",
        4_500_000L,
        T0.plusSeconds(60L * minute));
  }

  /** A pitch submitted to the round; waits until judging knows it. */
  public UUID pitch(UUID roundId, int minute) {
    return pitch(
        received(Uuids.v7(), roundId, "Breathe Sensors " + UUID.randomUUID() + " Ltd", minute));
  }

  public UUID pitch(SubmissionReceived received) {
    sender.send(received);
    awaitPitch(received.submissionId());
    return received.submissionId();
  }

  public void awaitPitch(UUID pitchId) {
    await().until(() -> http.get("/api/pitches/" + pitchId).status() == 200);
  }

  public UUID judge(String name, String... affiliations) {
    Map<String, Object> judge = new LinkedHashMap<>();
    judge.put("name", name);
    judge.put("organisation", "Liverpool City Region CA");
    judge.put("expertise", List.of("health"));
    judge.put("affiliations", List.of(affiliations));
    Http.Response created = http.post("/api/judges", judge);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.text("id"));
  }

  /** Impact (weight 0.6) and team (0.4), both 0–10. */
  public static Map<String, Object> rubric(
      String normalisation, int quorum, Integer shortlistSize) {
    Map<String, Object> rubric = new LinkedHashMap<>();
    rubric.put(
        "criteria",
        List.of(
            Map.of("key", "impact", "name", "Impact", "weight", 0.6),
            Map.of("key", "team", "name", "Team", "weight", 0.4, "min", 0, "max", 10)));
    rubric.put("normalisation", normalisation);
    rubric.put("minJudgesPerPitch", quorum);
    if (shortlistSize != null) {
      rubric.put("shortlistSize", shortlistSize);
    }
    return rubric;
  }

  public void rubric(UUID roundId, String stage, Map<String, Object> rubric) {
    Http.Response saved =
        http.put("/api/rounds/" + roundId + "/stages/" + stage + "/rubric", rubric, Map.of());
    assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
  }

  public void panel(UUID roundId, String stage, UUID... judges) {
    Http.Response saved =
        http.put(
            "/api/rounds/" + roundId + "/stages/" + stage + "/panel",
            Map.of("judgeIds", List.of(judges)),
            Map.of());
    assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
  }

  public Http.Response score(UUID pitchId, String stage, UUID judgeId, int impact, int team) {
    return http.as(TestTokens.judge(judgeId))
        .put(
            "/api/pitches/" + pitchId + "/stages/" + stage + "/scores/" + judgeId,
            Map.of("scores", Map.of("impact", impact, "team", team), "comment", "Clear plan"),
            Map.of());
  }

  public Http.Response scored(UUID pitchId, String stage, UUID judgeId, int impact, int team) {
    Http.Response response = score(pitchId, stage, judgeId, impact, team);
    assertThat(response.status()).as(response.toString()).isIn(200, 201);
    return response;
  }
}
