package org.wyp.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.wyp.kit.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from a running local stack's development issuer, as a person trying the APIs gets them.
 */
final class DevTokens {

  private final Http issuer;

  DevTokens(LocalStack stack) {
    this.issuer = new Http(stack.tokenIssuerUrl());
  }

  /** A new SME user's token and the sme_id the issuer minted into it. */
  record Sme(String token, String smeId) {}

  String organiser() {
    return token("role=ORGANISER");
  }

  String ops() {
    return token("role=OPS");
  }

  String problemOwner(String organisation) {
    return token(
        "role=PROBLEM_OWNER&organisation="
            + URLEncoder.encode(organisation, StandardCharsets.UTF_8));
  }

  String judge(String judgeId) {
    return token("role=JUDGE&judge_id=" + judgeId);
  }

  Sme newSme() {
    JsonNode answer = answer("role=SME");
    return new Sme(
        answer.path("access_token").asString(), answer.path("claims").path("sme_id").asString());
  }

  Sme sme(UUID smeId) {
    JsonNode answer = answer("role=SME&sme_id=" + smeId);
    return new Sme(answer.path("access_token").asString(), smeId.toString());
  }

  private String token(String query) {
    return answer(query).path("access_token").asString();
  }

  private JsonNode answer(String query) {
    Http.Response response = issuer.get("/dev/token?" + query);
    if (response.status() != 200) {
      throw new IllegalStateException("token request " + query + " answered " + response);
    }
    return response.json();
  }
}
