package org.wyp.submissionservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.events.problem.ProblemClosed;
import org.wyp.events.problem.ProblemContent;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.round.RoundAnnounced;
import org.wyp.events.round.RoundOpened;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.RecordSender;
import org.wyp.kit.testing.TestTokens;

/**
 * Plays problem-service's part on the real broker (its events, as it would publish them) and
 * registers SMEs through this service's API: the steps the submission tests share.
 */
public final class ProgrammeSupport {

  public static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final AtomicInteger COMPANY_NUMBERS = new AtomicInteger();

  private final Http http;
  private final RecordSender sender;
  private final MongoTemplate mongo;

  public ProgrammeSupport(Http http, RecordSender sender, MongoTemplate mongo) {
    this.http = http;
    this.sender = sender;
    this.mongo = mongo;
  }

  /** A round announced for the region's postcode areas and opened; waits until it is known. */
  public UUID openRound() {
    UUID roundId = UUID.randomUUID();
    sender.send(announced(roundId));
    sender.send(new RoundOpened(roundId, 2, T0));
    awaitRoundPhase(roundId, "OPEN");
    return roundId;
  }

  public static RoundAnnounced announced(UUID roundId) {
    return new RoundAnnounced(
        roundId,
        1,
        "Round 1",
        "Health and care",
        T0,
        T0.plusSeconds(86_400 * 60),
        T0.plusSeconds(86_400 * 100),
        List.of("L", "CH", "WA", "PR"),
        T0);
  }

  /** A problem published at version 2 (version 1 was its draft); waits until it is known. */
  public UUID publishedProblem(UUID roundId) {
    UUID problemId = UUID.randomUUID();
    sender.send(published(problemId, roundId, 2, "Damp homes and asthma"));
    awaitProblemAvailability(problemId, "PUBLISHED");
    return problemId;
  }

  public static ProblemPublished published(
      UUID problemId, UUID roundId, long version, String title) {
    return new ProblemPublished(problemId, version, roundId, content(title), T0);
  }

  public static ProblemContent content(String title) {
    return new ProblemContent(
        title,
        "Damp and mould drive repeat admissions",
        "Admissions cluster in poor private rented housing",
        "health",
        "Alder Hey Children's NHS Foundation Trust",
        List.of("Liverpool"),
        "HES 2019-2024",
        List.of(),
        List.of("Fewer repeat admissions"));
  }

  public void closeProblem(UUID problemId, UUID roundId, long version) {
    sender.send(new ProblemClosed(problemId, version, roundId, T0.plusSeconds(3600)));
    awaitProblemAvailability(problemId, "CLOSED");
  }

  /** Registers an eligible SME in Liverpool (postcode area L); returns its id. */
  public UUID registeredSme() {
    return registeredSme("L1 8JQ", 12);
  }

  /**
   * Registers an SME as its user would: with a token whose {@code sme_id} (a new one, as the
   * identity provider would mint) becomes the SME's id.
   */
  public UUID registeredSme(String postcode, int employees) {
    UUID smeId = UUID.randomUUID();
    Map<String, Object> sme = new LinkedHashMap<>();
    int n = COMPANY_NUMBERS.incrementAndGet();
    sme.put("companyName", "Breathe Sensors " + n + " " + UUID.randomUUID() + " Ltd");
    // Letter-prefixed numbers: the SME tests use digits only, so the two never collide.
    sme.put("companyNumber", "SC%06d".formatted(n));
    sme.put("employees", employees);
    sme.put("turnoverPence", 85_000_000L);
    sme.put("postcode", postcode);
    sme.put("contactName", "Aisha Okafor");
    sme.put("contactEmail", "aisha@breathe.example.co.uk");
    sme.put("website", "https://breathe.example.co.uk");
    Http.Response created = asSme(smeId).post("/api/smes", sme);
    assertThat(created.status()).as("register SME: %s", created).isEqualTo(201);
    assertThat(created.text("id")).isEqualTo(smeId.toString());
    return smeId;
  }

  /** The service, called by the user of SME {@code smeId}. */
  public Http asSme(UUID smeId) {
    return http.as(TestTokens.sme(smeId));
  }

  /** The service, called by an organiser. */
  public Http asOrganiser() {
    return http.as(TestTokens.organiser());
  }

  public static Map<String, Object> pitch(UUID problemId, UUID smeId, String title) {
    Map<String, Object> pitch = new LinkedHashMap<>();
    pitch.put("problemId", problemId.toString());
    pitch.put("smeId", smeId.toString());
    pitch.put("title", title);
    pitch.put("summary", "Low-cost damp sensors in homes, alerts to landlords and GPs");
    pitch.put("approach", "Install 200 sensors, join readings with admissions data");
    pitch.put("dataUse", "Sensor readings with anonymised admissions by postcode sector");
    pitch.put("impact", "Fewer repeat asthma admissions among children in damp homes");
    pitch.put("requestedPence", 4_500_000L);
    pitch.put("team", List.of(Map.of("name", "Aisha Okafor", "role", "Lead engineer")));
    pitch.put("links", List.of("https://breathe.example.co.uk/pilot"));
    return pitch;
  }

  public void awaitRoundPhase(UUID roundId, String phase) {
    await().until(() -> phase.equals(field("known_rounds", roundId, "phase")));
  }

  public void awaitProblemAvailability(UUID problemId, String availability) {
    await().until(() -> availability.equals(field("known_problems", problemId, "availability")));
  }

  public Document knownProblem(UUID problemId) {
    return mongo.findById(problemId.toString(), Document.class, "known_problems");
  }

  private Object field(String collection, UUID id, String field) {
    Document doc = mongo.findById(id.toString(), Document.class, collection);
    return doc == null ? null : doc.get(field);
  }
}
