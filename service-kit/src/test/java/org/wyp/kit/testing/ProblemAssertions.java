package org.wyp.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem-details answers, as every service's API tests make them. */
public final class ProblemAssertions {

  public static final String PROBLEM_JSON = "application/problem+json";

  private ProblemAssertions() {}

  /**
   * Checks an RFC 9457 answer: the status, the problem+json media type, the stable type (when
   * given, as its slug: {@code validation} for {@code /problems/validation}), a human detail, and
   * no internals leaking.
   */
  public static JsonNode assertProblem(Http.Response response, int status, String typeSlug) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.header("Content-Type")).as("content type").startsWith(PROBLEM_JSON);
    JsonNode body = response.json();
    assertThat(body.path("status").asInt()).isEqualTo(status);
    if (typeSlug != null) {
      assertThat(body.path("type").asString()).isEqualTo("/problems/" + typeSlug);
    }
    assertThat(body.path("title").asString()).isNotBlank();
    assertThat(body.path("detail").asString()).isNotBlank();
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("trace");
    return body;
  }

  /** A 400 validation problem; returns the fields its {@code errors} name. */
  public static List<String> assertValidationProblem(Http.Response response) {
    return errorFields(assertProblem(response, 400, "validation"));
  }

  /** The fields a problem's {@code errors} names, each of which must carry a message. */
  public static List<String> errorFields(JsonNode problem) {
    JsonNode errors = problem.path("errors");
    assertThat(errors.isArray()).as("errors array in %s", problem).isTrue();
    List<String> fields = new ArrayList<>();
    for (JsonNode error : errors) {
      assertThat(error.path("message").asString()).as("message of %s", error).isNotBlank();
      fields.add(error.path("field").asString());
    }
    return fields;
  }

  /** The message the {@code errors} array gives for one field. */
  public static String errorMessage(JsonNode problem, String field) {
    for (JsonNode error : problem.path("errors")) {
      if (error.path("field").asString().equals(field)) {
        return error.path("message").asString();
      }
    }
    throw new AssertionError("no error for " + field + " in " + problem);
  }
}
