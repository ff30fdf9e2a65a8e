package org.wyp.problemservice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The service describes its API at /v3/api-docs. */
@ServiceIntegrationTest
class OpenApiTest {

  @LocalServerPort int port;

  @Test
  void apiDocsListTheCorePaths() {
    Http.Response docs = Http.localhost(port).get("/v3/api-docs");

    assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
    assertThat(docs.header("Content-Type")).startsWith("application/json");
    JsonNode api = docs.json();
    assertThat(api.path("openapi").asString()).startsWith("3.");
    JsonNode paths = api.path("paths");
    assertThat(paths.has("/api/rounds")).as("paths: %s", paths).isTrue();
    assertThat(paths.path("/api/rounds").has("post")).isTrue();
    assertThat(paths.path("/api/rounds").has("get")).isTrue();
    assertThat(paths.has("/api/problems/{id}")).isTrue();
    assertThat(paths.path("/api/problems/{id}").has("get")).isTrue();
    assertThat(paths.path("/api/problems/{id}").has("put")).isTrue();
    assertThat(paths.has("/api/problems")).isTrue();
    assertThat(paths.has("/api/rounds/{id}/open")).isTrue();
    assertThat(paths.has("/api/problems/{id}/endorsements")).isTrue();
    // Who calls comes from the bearer token, never from a parameter a client could set.
    assertThat(docs.body()).doesNotContain("\"caller\"");
  }
}
