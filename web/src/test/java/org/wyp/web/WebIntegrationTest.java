package org.wyp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wyp.web.SseReader.named;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wyp.events.EventCodec;
import org.wyp.events.Topics;
import org.wyp.events.view.PublicProblemStats;
import org.wyp.events.view.PublicRound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web front on a real broker: it reads the update topic from the beginning at start-up, serves
 * the board and streams every later change, resuming from {@code Last-Event-ID}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebIntegrationTest {

  static final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
  static KafkaProducer<String, byte[]> producer;
  static final UUID seededRound = UUID.randomUUID();
  static final UUID withdrawnProblem = UUID.randomUUID();

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  /** Records published before the web front starts: it must read them from the beginning. */
  @BeforeAll
  static void seedTheTopicBeforeStartUp() throws Exception {
    broker.afterPropertiesSet();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
      admin.createTopics(List.of(new NewTopic(Topics.UPDATES, 3, (short) 1))).all().get();
    }
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringSerializer(),
            new ByteArraySerializer());
    send("round:" + seededRound, EventCodec.toJsonString(round(seededRound, "ANNOUNCED")));
    send("round:" + seededRound, EventCodec.toJsonString(round(seededRound, "OPEN")));
    send("problem:" + withdrawnProblem, "{\"title\":\"Gone soon\"}");
    send("problem:" + withdrawnProblem, null);
    send("not-a-view-key", "{}");
    producer.flush();
  }

  @AfterAll
  static void stopBroker() {
    producer.close();
    broker.destroy();
  }

  /** The issuer the web front trusts for its ops endpoints, with a key of the test's own. */
  static final String ISSUER = "https://issuer.test.wyp";

  static final KeyPair KEY = rsaKeyPair();

  @DynamicPropertySource
  static void kafkaAndIssuer(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
    registry.add("wyp.security.jwt.issuer", () -> ISSUER);
    registry.add(
        "wyp.security.jwt.public-key",
        () -> Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded()));
  }

  @Test
  void theBoardHoldsTheLatestViewOfEverythingPublishedBeforeStartUpOnceReady() throws Exception {
    await().until(() -> get("/actuator/health/readiness").statusCode() == 200);

    JsonNode page = json(get("/api/views"));

    assertThat(page.path("content").findValuesAsString("key"))
        .contains("round:" + seededRound)
        .doesNotContain("problem:" + withdrawnProblem, "not-a-view-key");
    JsonNode round = find(page, "round:" + seededRound);
    assertThat(round.path("kind").asString()).isEqualTo("round");
    assertThat(round.path("view").path("status").asString()).isEqualTo("OPEN");
    assertThat(get("/actuator/prometheus").statusCode()).as("metrics need a token").isEqualTo(401);
    assertThat(get("/actuator/prometheus", token("ORGANISER")).statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", token("OPS")).body())
        .contains("wyp_web_board_items{kind=\"round\",service=\"web\"}")
        .contains("wyp_web_updates_skipped_total{service=\"web\"} 1.0");
  }

  @Test
  void aNewClientGetsTheBoardThenEveryChangeLiveAndAReturningOneOnlyWhatItMissed()
      throws Exception {
    await().until(() -> get("/actuator/health/readiness").statusCode() == 200);
    UUID problem = UUID.randomUUID();
    String lastSeen;
    try (SseReader first = new SseReader(url("/live"), null)) {
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.contentType()).startsWith("text/event-stream");
      List<SseReader.Event> opening = first.awaitEvent(named("ready"));
      assertThat(opening.getFirst().name()).isEqualTo("reset");
      assertThat(opening)
          .filteredOn(named("view"))
          .extracting(e -> json(e.data()).path("key").asString())
          .contains("round:" + seededRound);

      send(
          "problem-stats:" + problem,
          EventCodec.toJsonString(new PublicProblemStats(problem, seededRound, 4)));
      SseReader.Event live =
          first.awaitEvent(e -> e.data().contains("problem-stats:" + problem)).getLast();
      assertThat(live.name()).isEqualTo("view");
      JsonNode change = json(live.data());
      assertThat(change.path("kind").asString()).isEqualTo("problem-stats");
      assertThat(change.path("id").asString()).isEqualTo(problem.toString());
      assertThat(change.path("view").path("submissions").asInt()).isEqualTo(4);
      lastSeen = live.id();
      assertThat(lastSeen).matches("[0-9a-z]+-[0-9]+");
    }

    // Missed while away: a count change and a removal.
    send(
        "problem-stats:" + problem,
        EventCodec.toJsonString(new PublicProblemStats(problem, seededRound, 5)));
    send("problem-stats:" + problem, null);
    await()
        .until(() -> json(get("/api/views?kind=problem-stats")).path("totalElements").asInt() == 0);

    try (SseReader back = new SseReader(url("/live"), lastSeen)) {
      List<SseReader.Event> resumed = back.awaitEvent(named("ready"));
      assertThat(resumed).extracting(SseReader.Event::name).doesNotContain("reset");
      List<JsonNode> missed =
          resumed.stream().filter(named("view")).map(e -> json(e.data())).toList();
      assertThat(missed).hasSize(2);
      assertThat(missed.get(0).path("view").path("submissions").asInt()).isEqualTo(5);
      assertThat(missed.get(1).path("view").isNull()).as("the removal").isTrue();
    }
  }

  @Test
  void anUnknownKindOrBadPagingIsAProblemNotAnError() throws Exception {
    HttpResponse<String> unknown = get("/api/views?kind=gossip");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(unknown).path("type").asString()).isEqualTo("/problems/unknown-kind");

    assertThat(get("/api/views?size=0").statusCode()).isEqualTo(400);
    assertThat(get("/api/views?size=501").statusCode()).isEqualTo(400);
    assertThat(get("/api/views?page=-1").statusCode()).isEqualTo(400);
  }

  @Test
  void thePageAndItsScriptAreServed() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"en-GB\">", "<main", "id=\"finals-table\"", "/app.js");
    assertThat(get("/app.js").body()).contains("new EventSource('/live')");
    assertThat(get("/style.css").statusCode()).isEqualTo(200);
  }

  private static PublicRound round(UUID id, String status) {
    Instant t = Instant.parse("2026-06-01T09:00:00Z");
    return new PublicRound(id, "Spring 2027", "Health and care", t, t, t, status, t);
  }

  private static void send(String key, String json) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.UPDATES, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8)))
        .get();
  }

  private static JsonNode find(JsonNode page, String key) {
    for (JsonNode item : page.path("content")) {
      if (key.equals(item.path("key").asString())) {
        return item;
      }
    }
    throw new AssertionError(key + " not on the board: " + page);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String role) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("tester")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of(role))
                .build());
    jwt.sign(new RSASSASigner(KEY.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
