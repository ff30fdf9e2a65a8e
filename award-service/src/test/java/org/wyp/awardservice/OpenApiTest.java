package org.wyp.awardservice;

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
    JsonNode paths = docs.json().path("paths");
    assertThat(paths.path("/api/funds/{roundId}").has("put")).as("paths: %s", paths).isTrue();
    assertThat(paths.path("/api/funds/{roundId}").has("get")).isTrue();
    assertThat(paths.path("/api/awards").has("get")).isTrue();
    assertThat(paths.path("/api/awards/{id}").has("get")).isTrue();
    assertThat(paths.path("/api/awards/{id}/accept").has("post")).isTrue();
    assertThat(paths.path("/api/awards/{id}/tranches/{number}/release").has("post")).isTrue();
    assertThat(paths.path("/api/awards/{id}/revoke").has("post")).isTrue();
    assertThat(paths.path("/api/rounds/{roundId}/360giving").has("get")).isTrue();
    // The caller is the bearer token's, never a parameter a client could send.
    assertThat(docs.body()).doesNotContain("\"caller\"").doesNotContain("schemas/Caller");
  }
}
