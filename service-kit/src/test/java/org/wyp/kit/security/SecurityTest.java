package org.wyp.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.testing.EmbeddedMongo;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.TestTokens;

/**
 * The kit's resource server on a real web server: which tokens are trusted, what a caller's claims
 * bind, the shared endpoint rules, problem details for 401 and 403, and the write rate limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class SecuredApp {

    @Bean
    EndpointRules rules() {
      return requests ->
          requests
              .requestMatchers(HttpMethod.GET, "/open")
              .permitAll()
              .requestMatchers(HttpMethod.GET, "/me")
              .authenticated()
              .requestMatchers(HttpMethod.POST, "/things")
              .hasRole(Role.ORGANISER.name());
    }

    @Bean
    Endpoints endpoints() {
      return new Endpoints();
    }
  }

  @RestController
  static class Endpoints {
    @GetMapping("/open")
    String open() {
      return "open";
    }

    @GetMapping("/me")
    Caller me(Caller caller) {
      return caller;
    }

    @PostMapping("/things")
    Map<String, String> create() {
      return Map.of("created", "yes");
    }

    @GetMapping("/forgotten")
    String forgotten() {
      return "no rule names me";
    }
  }

  private final EmbeddedKafkaBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
  private ConfigurableApplicationContext app;
  private Http http;

  @BeforeAll
  void start() {
    kafka.afterPropertiesSet();
    app =
        new SpringApplicationBuilder(SecuredApp.class)
            .run(
                "--spring.application.name=security-test",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.mongodb.uri=" + EmbeddedMongo.connectionString(),
                "--spring.mongodb.database=security-" + UUID.randomUUID(),
                "--wyp.security.jwt.issuer=" + TestTokens.ISSUER,
                "--wyp.security.jwt.public-key=" + TestTokens.trustedPublicKey(),
                "--wyp.security.rate-limit.burst=3",
                "--wyp.security.rate-limit.writes-per-minute=6");
    http = Http.localhost(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  void stop() {
    app.close();
    kafka.destroy();
  }

  @Test
  void anonymousMayReadWhatIsOpenAndHealthButNothingElse() {
    assertThat(http.get("/open").status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(http.get("/asyncapi.yaml").status()).isEqualTo(200);

    Http.Response me = http.get("/me");
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.header("Content-Type")).startsWith("application/problem+json");
    assertThat(me.json().path("type").asString()).isEqualTo("/problems/unauthenticated");
    assertThat(http.post("/things", Map.of()).status()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
  }

  @Test
  void theApiDocsOfferBearerTokensAndDoNotAskClientsForTheCaller() {
    Http.Response docs = http.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().at("/components/securitySchemes/bearer-jwt/scheme").asString())
        .as(docs.body())
        .isEqualTo("bearer");
    assertThat(docs.json().at("/paths/~1me/get/parameters").isMissingNode())
        .as("the Caller comes from the token, not a request parameter")
        .isTrue();
  }

  @Test
  void aValidTokenNamesTheCallerAndItsBindingClaims() {
    UUID sme = UUID.randomUUID();

    Http.Response me = http.as(TestTokens.sme(sme)).get("/me");

    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().path("subject").asString()).isEqualTo("sme-" + sme);
    assertThat(me.json().path("roles").get(0).asString()).isEqualTo("SME");
    assertThat(me.json().path("smeId").asString()).isEqualTo(sme.toString());
    assertThat(me.json().path("judgeId").isNull()).isTrue();
  }

  @Test
  void theWrongRoleIsForbiddenAndTheRightOneAllowed() {
    Http.Response asSme = http.as(TestTokens.sme(UUID.randomUUID())).post("/things", Map.of());
    assertThat(asSme.status()).isEqualTo(403);
    assertThat(asSme.json().path("type").asString()).isEqualTo("/problems/forbidden");

    assertThat(http.as(TestTokens.organiser()).post("/things", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void metricsNeedTheOpsRole() {
    assertThat(http.as(TestTokens.organiser()).get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(http.as(TestTokens.ops()).get("/actuator/prometheus").status()).isEqualTo(200);
  }

  @Test
  void anEndpointNoRuleNamesIsClosedEvenToAnOrganiser() {
    assertThat(http.get("/forgotten").status()).isEqualTo(401);
    assertThat(http.as(TestTokens.organiser()).get("/forgotten").status()).isEqualTo(403);
  }

  @Test
  void expiredForeignAndForgedTokensAreRefused() {
    List<String> organiser = List.of("ORGANISER");
    Map<String, Object> forgedSme = Map.of("sme_id", UUID.randomUUID().toString());

    assertThat(http.as(TestTokens.expired(organiser, Map.of())).post("/things", Map.of()).status())
        .isEqualTo(401);
    assertThat(
            http.as(TestTokens.signedByOtherKey(organiser, Map.of()))
                .post("/things", Map.of())
                .status())
        .isEqualTo(401);
    assertThat(
            http.as(TestTokens.fromOtherIssuer(organiser, Map.of()))
                .post("/things", Map.of())
                .status())
        .isEqualTo(401);
    assertThat(http.as(TestTokens.signedByOtherKey(List.of("SME"), forgedSme)).get("/me").status())
        .as("an sme_id is only believed from a trusted token")
        .isEqualTo(401);
    String tampered = tamperedPayload(TestTokens.sme(UUID.randomUUID()));
    assertThat(http.as(tampered).get("/me").status()).isEqualTo(401);
    assertThat(http.as("not-a-jwt").get("/me").status()).isEqualTo(401);
  }

  @Test
  void writesBeyondTheBurstAreRateLimitedPerCaller() {
    Http limited = http.as(TestTokens.token("busy-organiser", List.of("ORGANISER"), Map.of()));
    for (int i = 0; i < 3; i++) {
      assertThat(limited.post("/things", Map.of()).status()).isEqualTo(200);
    }

    Http.Response refused = limited.post("/things", Map.of());

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("10");
    assertThat(refused.json().path("type").asString()).isEqualTo("/problems/rate-limited");
    assertThat(limited.get("/me").status()).as("reads are not limited").isEqualTo(200);
    Http other = http.as(TestTokens.token("calm-organiser", List.of("ORGANISER"), Map.of()));
    assertThat(other.post("/things", Map.of()).status()).as("another caller").isEqualTo(200);
  }

  /** The token with its payload's sme_id changed but the original signature kept. */
  private static String tamperedPayload(String token) {
    String[] parts = token.split("\\.");
    Base64.Decoder decoder = Base64.getUrlDecoder();
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String payload = new String(decoder.decode(parts[1]));
    String forged =
        payload.replaceAll("\"sme_id\":\"[^\"]+\"", "\"sme_id\":\"" + UUID.randomUUID() + "\"");
    return parts[0] + "." + encoder.encodeToString(forged.getBytes()) + "." + parts[2];
  }
}
