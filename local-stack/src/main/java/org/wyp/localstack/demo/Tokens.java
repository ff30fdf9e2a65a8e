package org.wyp.localstack.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from the local stack's development issuer, asked for over HTTP as anyone trying the APIs
 * would: one per person the demo plays.
 */
public final class Tokens {

  private final ApiClient issuer;

  public Tokens(String issuerUrl) {
    this.issuer = new ApiClient(issuerUrl);
  }

  /** A token and the SME id the issuer minted into it. */
  public record SmeToken(String token, UUID smeId) {}

  public String organiser() {
    return get("role=ORGANISER&sub=demo-organiser").path("access_token").asString();
  }

  public String problemOwner(String organisation) {
    return get("role=PROBLEM_OWNER&organisation="
            + URLEncoder.encode(organisation, StandardCharsets.UTF_8))
        .path("access_token")
        .asString();
  }

  /** A new SME user: the issuer mints its sme_id, which its registration then takes. */
  public SmeToken newSme() {
    JsonNode answer = get("role=SME");
    return new SmeToken(
        answer.path("access_token").asString(),
        UUID.fromString(answer.path("claims").path("sme_id").asString()));
  }

  public String judge(String judgeId) {
    return get("role=JUDGE&judge_id=" + judgeId).path("access_token").asString();
  }

  private JsonNode get(String query) {
    return issuer.get("/dev/token?" + query);
  }
}
