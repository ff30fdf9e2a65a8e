package org.wyp.judgingservice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The service describes its API at /v3/api-docs, anonymously. */
@ServiceIntegrationTest
class OpenApiTest {

  @LocalServerPort int port;

  @Test
  void apiDocsListThePathsButNotTheCaller() {
    Http.Response docs = Http.localhost(port).get("/v3/api-docs");

    assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
    JsonNode paths = docs.json().path("paths");
    assertThat(paths.path("/api/pitches/{pitchId}/stages/{stage}/scores/{judgeId}").has("put"))
        .as("paths: %s", paths)
        .isTrue();
    assertThat(paths.path("/api/rounds/{roundId}/pitches").has("get")).isTrue();
    assertThat(paths.path("/api/rounds/{roundId}/conclusion").has("get")).isTrue();
    // The caller is the bearer token's, never a parameter a client could send.
    assertThat(docs.body()).doesNotContain("\"caller\"").doesNotContain("schemas/Caller");
  }
}
