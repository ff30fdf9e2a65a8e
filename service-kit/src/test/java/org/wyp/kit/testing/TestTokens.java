package org.wyp.kit.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real signed JWTs for tests, from a key pair made once per test JVM. Services under test trust
 * this issuer and key (see {@link SecurityTestInitializer}); tokens signed by {@link #otherKey()}
 * or expired ones are refused just as a forged production token would be.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.test.wyp";

  private static final KeyPair TRUSTED = newKeyPair();
  private static final KeyPair OTHER = newKeyPair();

  private TestTokens() {}

  /** Base64 X.509 DER of the trusted public key, as {@code wyp.security.jwt.public-key} takes. */
  public static String trustedPublicKey() {
    return Base64.getEncoder().encodeToString(TRUSTED.getPublic().getEncoded());
  }

  public static String organiser() {
    return token("organiser", List.of("ORGANISER"), Map.of());
  }

  public static String ops() {
    return token("ops", List.of("OPS"), Map.of());
  }

  public static String sme(UUID smeId) {
    return token("sme-" + smeId, List.of("SME"), Map.of("sme_id", smeId.toString()));
  }

  public static String judge(UUID judgeId) {
    return token("judge-" + judgeId, List.of("JUDGE"), Map.of("judge_id", judgeId.toString()));
  }

  public static String problemOwner(String organisation) {
    return token(
        "owner-" + organisation.hashCode(),
        List.of("PROBLEM_OWNER"),
        Map.of("organisation", organisation));
  }

  /** A token with these roles and extra claims, valid for ten minutes. */
  public static String token(String subject, List<String> roles, Map<String, Object> claims) {
    return sign(
        TRUSTED, ISSUER, subject, roles, claims, Instant.now().plus(Duration.ofMinutes(10)));
  }

  /** Well formed and correctly signed, but expired an hour ago. */
  public static String expired(List<String> roles, Map<String, Object> claims) {
    return sign(TRUSTED, ISSUER, "late", roles, claims, Instant.now().minus(Duration.ofHours(1)));
  }

  /** Claims anything it likes, but signed by a key the services do not trust. */
  public static String signedByOtherKey(List<String> roles, Map<String, Object> claims) {
    return sign(OTHER, ISSUER, "forger", roles, claims, Instant.now().plus(Duration.ofMinutes(10)));
  }

  /** Signed by the trusted key but naming another issuer. */
  public static String fromOtherIssuer(List<String> roles, Map<String, Object> claims) {
    return sign(
        TRUSTED,
        "https://elsewhere.example",
        "stranger",
        roles,
        claims,
        Instant.now().plus(Duration.ofMinutes(10)));
  }

  /** The bearer header for a token. */
  public static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private static String sign(
      KeyPair key,
      String issuer,
      String subject,
      List<String> roles,
      Map<String, Object> claims,
      Instant expiresAt) {
    JWTClaimsSet.Builder body =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", roles);
    claims.forEach(body::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), body.build());
    try {
      jwt.sign(new RSASSASigner(key.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
