package org.wyp.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.wyp.events.CatalogueDocuments;
import org.wyp.events.view.PublicViews;
import org.wyp.kit.testing.EmbeddedMongo;
import org.wyp.kit.testing.Http;
import org.yaml.snakeyaml.Yaml;

/**
 * Every service that has the kit serves the event catalogue, anonymously: the AsyncAPI document at
 * {@code /asyncapi.yaml} and each view schema at the path the document's references resolve to.
 * Started with the kit alone; Kafka is not needed to serve documents, so none is running.
 */
class EventCatalogueControllerTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class KitOnly {}

  private static ConfigurableApplicationContext app;
  private static Http http;

  @BeforeAll
  static void start() {
    app =
        new SpringApplicationBuilder(KitOnly.class)
            .run(
                "--spring.application.name=catalogue-test",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
                "--spring.kafka.admin.auto-create=false",
                "--spring.mongodb.uri=" + EmbeddedMongo.connectionString(),
                "--spring.mongodb.database=catalogue-" + UUID.randomUUID());
    http = Http.localhost(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void servesTheAsyncApiDocumentAsBuiltIntoCommonEvents() {
    Http.Response response = http.get(EventCatalogueController.ASYNCAPI_PATH);

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/yaml");
    assertThat(response.body())
        .isEqualTo(
            new String(
                CatalogueDocuments.read(CatalogueDocuments.ASYNCAPI), StandardCharsets.UTF_8));
    Map<String, Object> document = new Yaml().load(response.body());
    assertThat(document).containsEntry("asyncapi", "3.0.0");
  }

  @Test
  void everyViewSchemaTheDocumentRefersToResolvesOnTheSameServer() {
    String document = http.get(EventCatalogueController.ASYNCAPI_PATH).body();
    URI base = URI.create("http://127.0.0.1" + EventCatalogueController.ASYNCAPI_PATH);
    List<String> resolved = new ArrayList<>();
    for (String ref : externalRefs(new Yaml().load(document))) {
      resolved.add(base.resolve(ref).getPath());
    }

    assertThat(resolved)
        .containsExactlyInAnyOrderElementsOf(
            PublicViews.KINDS.stream()
                .map(kind -> "/schemas/view/" + kind + ".schema.json")
                .toList());
    for (String path : resolved) {
      Http.Response schema = http.get(path);
      assertThat(schema.status()).as("%s: %s", path, schema).isEqualTo(200);
      assertThat(schema.header("Content-Type")).startsWith("application/schema+json");
      assertThat(schema.json().path("$schema").asString())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }
  }

  @Test
  void anUnknownViewKindIsNotFound() {
    Http.Response response = http.get("/schemas/view/judge-scores.schema.json");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  /** The values of every {@code $ref} in the document that points into another file. */
  private static List<String> externalRefs(Object node) {
    List<String> refs = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("$ref".equals(key) && value instanceof String ref && !ref.startsWith("#")) {
              refs.add(ref);
            } else {
              refs.addAll(externalRefs(value));
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(element -> refs.addAll(externalRefs(element)));
    }
    return refs;
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
