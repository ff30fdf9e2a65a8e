package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.wyp.kit.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The development issuer is a real one: its tokens verify against its published JWKS the way the
 * services verify them, and its key outlives a restart.
 */
class DevIssuerTest {

  @TempDir Path dir;

  @Test
  void itsTokensVerifyAgainstItsJwksAndCarryTheClaimsAskedFor() throws Exception {
    try (DevIssuer issuer = DevIssuer.start(dir, 0)) {
      Http http = new Http(issuer.issuer());
      JsonNode discovery = http.get("/.well-known/openid-configuration").json();
      assertThat(discovery.path("issuer").asString()).isEqualTo(issuer.issuer());
      assertThat(discovery.path("jwks_uri").asString()).isEqualTo(issuer.jwkSetUri());

      JsonNode answer = http.get("/dev/token?role=SME&role=OPS").json();
      Jwt jwt = decoderFor(issuer).decode(answer.path("access_token").asString());

      assertThat(jwt.getIssuer().toString()).isEqualTo(issuer.issuer());
      assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SME", "OPS");
      String minted = jwt.getClaimAsString("sme_id");
      assertThat(UUID.fromString(minted)).as("a new SME user gets an sme_id").isNotNull();
      assertThat(answer.path("claims").path("sme_id").asString()).isEqualTo(minted);
      assertThat(answer.path("token_type").asString()).isEqualTo("Bearer");
      assertThat(http.get("/oauth2/jwks").body()).doesNotContain("\"d\"").as("no private part");
    }
  }

  @Test
  void aBadRequestIsAProblemNotAToken() throws Exception {
    try (DevIssuer issuer = DevIssuer.start(dir, 0)) {
      Http http = new Http(issuer.issuer());
      assertThat(http.get("/dev/token").status()).isEqualTo(400);
      assertThat(http.get("/dev/token?role=ADMIN").json().path("detail").asString())
          .contains("ADMIN");
      assertThat(http.get("/dev/token?role=SME&sme_id=nope").status()).isEqualTo(400);
      assertThat(http.get("/dev/token?role=OPS&ttl=-5").status()).isEqualTo(400);
    }
  }

  @Test
  void tokensFromBeforeARestartStillVerifyAndAnotherIssuersDoNot() throws Exception {
    String before;
    try (DevIssuer issuer = DevIssuer.start(dir, 0)) {
      before = new Http(issuer.issuer()).get("/dev/token?role=ORGANISER").text("access_token");
    }
    try (DevIssuer restarted = DevIssuer.start(dir, 0);
        DevIssuer stranger = DevIssuer.start(dir.resolve("other"), 0)) {
      // The restarted issuer has another port, so another issuer name: check the signature only.
      JwtDecoder sameKey = NimbusJwtDecoder.withJwkSetUri(restarted.jwkSetUri()).build();
      assertThat(sameKey.decode(before).getClaimAsStringList("roles")).containsExactly("ORGANISER");

      JwtDecoder otherKey = NimbusJwtDecoder.withJwkSetUri(stranger.jwkSetUri()).build();
      assertThatThrownBy(() -> otherKey.decode(before)).isInstanceOf(JwtException.class);
    }
  }

  private static JwtDecoder decoderFor(DevIssuer issuer) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
    return decoder;
  }
}
