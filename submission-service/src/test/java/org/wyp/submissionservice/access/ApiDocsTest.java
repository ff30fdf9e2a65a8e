package org.wyp.submissionservice.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wyp.kit.testing.Http;
import org.wyp.kit.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The API description is public and describes what a client sends: the caller comes from the bearer
 * token, so no operation asks for it as a parameter.
 */
@ServiceIntegrationTest
class ApiDocsTest {

  @LocalServerPort int port;

  @Test
  void theApiDocsAreAnonymousAndAskForNoCallerParameter() {
    Http.Response docs = Http.localhost(port).get("/v3/api-docs");

    assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
    JsonNode paths = docs.json().path("paths");
    assertThat(paths.has("/api/submissions")).as("paths: %s", paths).isTrue();
    List<String> parameters = new ArrayList<>();
    paths.forEach(
        path ->
            path.forEach(
                operation ->
                    operation
                        .path("parameters")
                        .forEach(parameter -> parameters.add(parameter.path("name").asString()))));
    assertThat(parameters).contains("id", "smeId", "Idempotency-Key").doesNotContain("caller");
  }
}
