package org.wyp.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wyp.kit.testing.EmbeddedMongo;
import org.wyp.kit.testing.Http;

/**
 * Readiness follows Kafka and MongoDB, liveness does not: a service whose infrastructure is
 * unreachable should get no traffic, but restarting it would not help. Each case starts an
 * application with only the kit, against a real broker and wire server, with the other pointed at a
 * port nothing listens on.
 */
@EmbeddedKafka(partitions = 1)
class ReadinessTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class KitOnly {}

  @Test
  void readyWhenKafkaAndMongoAnswer(EmbeddedKafkaBroker broker) {
    try (ConfigurableApplicationContext app =
        start(broker.getBrokersAsString(), EmbeddedMongo.connectionString())) {
      Http http = http(app);
      Awaitility.await()
          .untilAsserted(
              () -> assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200));
      Http.Response readiness = http.get("/actuator/health/readiness");
      assertThat(readiness.json().at("/components/kafka/status").asString()).isEqualTo("UP");
      assertThat(readiness.json().at("/components/mongo/status").asString()).isEqualTo("UP");
    }
  }

  @Test
  void notReadyButAliveWhenKafkaIsUnreachable() {
    try (ConfigurableApplicationContext app =
        start("127.0.0.1:" + closedPort(), EmbeddedMongo.connectionString())) {
      Http http = http(app);
      Http.Response readiness = http.get("/actuator/health/readiness");
      assertThat(readiness.status()).as("%s", readiness).isEqualTo(503);
      assertThat(readiness.json().path("status").asString()).isEqualTo("DOWN");
      assertThat(readiness.json().at("/components/kafka/status").asString()).isEqualTo("DOWN");
      assertThat(readiness.json().at("/components/mongo/status").asString()).isEqualTo("UP");
      assertAlive(http);
    }
  }

  @Test
  void notReadyButAliveWhenMongoIsUnreachable(EmbeddedKafkaBroker broker) {
    String deadMongo = "mongodb://127.0.0.1:" + closedPort() + "/?serverSelectionTimeoutMS=500";
    try (ConfigurableApplicationContext app = start(broker.getBrokersAsString(), deadMongo)) {
      Http http = http(app);
      Http.Response readiness = http.get("/actuator/health/readiness");
      assertThat(readiness.status()).as("%s", readiness).isEqualTo(503);
      assertThat(readiness.json().at("/components/mongo/status").asString()).isEqualTo("DOWN");
      assertThat(readiness.json().at("/components/kafka/status").asString()).isEqualTo("UP");
      assertAlive(http);
    }
  }

  private static void assertAlive(Http http) {
    Http.Response liveness = http.get("/actuator/health/liveness");
    assertThat(liveness.status()).as("%s", liveness).isEqualTo(200);
    assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
  }

  private static ConfigurableApplicationContext start(String kafka, String mongoUri) {
    // Arguments, not default properties: the embedded broker sets spring.kafka.bootstrap-servers
    // as a system property, which would win over a default.
    return new SpringApplicationBuilder(KitOnly.class)
        .run(
            "--spring.application.name=readiness-test",
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.kafka.bootstrap-servers=" + kafka,
            // Topics are not this test's concern, and creating them would wait out a dead broker.
            "--spring.kafka.admin.auto-create=false",
            "--spring.mongodb.uri=" + mongoUri,
            "--spring.mongodb.database=readiness-" + UUID.randomUUID(),
            "--management.endpoint.health.show-components=always",
            "--wyp.metrics.kafka-health-timeout=" + Duration.ofSeconds(1));
  }

  private static Http http(ConfigurableApplicationContext app) {
    return Http.localhost(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
