package org.wyp.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's development token issuer: a real issuer with a JWKS endpoint, whose signed JWTs
 * every service validates exactly as it would a production identity provider's. Unlike one, it
 * hands a token with any roles and claims to anyone on this machine who asks, which is what trying
 * the APIs needs and why it listens on 127.0.0.1 only.
 *
 * <p>{@code GET /dev/token?role=SME} (roles repeatable or comma-separated; {@code sme_id}, {@code
 * judge_id}, {@code organisation}, {@code sub}, {@code ttl} seconds) answers {@code
 * {"access_token", "token_type", "expires_in", "claims"}}. An SME token without an {@code sme_id}
 * gets a new one, as an identity provider would mint for a new SME user. The signing key is kept in
 * the data directory, so tokens stay valid across restarts.
 */
final class DevIssuer implements AutoCloseable {

  static final Set<String> ROLES = Set.of("ORGANISER", "PROBLEM_OWNER", "SME", "JUDGE", "OPS");
  private static final Duration DEFAULT_TTL = Duration.ofHours(8);
  private static final Duration MAX_TTL = Duration.ofDays(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final RSAKey key;
  private final String issuer;

  private DevIssuer(HttpServer server, RSAKey key) {
    this.server = server;
    this.key = key;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static DevIssuer start(Path directory, int port) throws IOException {
    RSAKey key = signingKey(directory);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    DevIssuer issuer = new DevIssuer(server, key);
    server.createContext("/.well-known/openid-configuration", issuer::discovery);
    server.createContext("/oauth2/jwks", issuer::jwks);
    server.createContext("/dev/token", issuer::token);
    server.start();
    return issuer;
  }

  /** The {@code iss} of its tokens, also its base URL. */
  String issuer() {
    return issuer;
  }

  String jwkSetUri() {
    return issuer + "/oauth2/jwks";
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A token for these claims, as {@code /dev/token} would issue it. */
  String issue(Map<String, Object> claims, Duration ttl) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder body =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString());
    claims.forEach(body::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), body.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private void discovery(HttpExchange exchange) throws IOException {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("issuer", issuer);
    metadata.put("jwks_uri", jwkSetUri());
    metadata.put("token_endpoint", issuer + "/dev/token");
    metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
    respond(exchange, 200, JSON.writeValueAsString(metadata));
  }

  private void jwks(HttpExchange exchange) throws IOException {
    respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, List<String>> parameters = parameters(exchange);
    Map<String, Object> claims = new LinkedHashMap<>();
    List<String> roles = new ArrayList<>();
    for (String value : parameters.getOrDefault("role", List.of())) {
      for (String role : value.split(",")) {
        if (!role.isBlank()) {
          roles.add(role.strip());
        }
      }
    }
    List<String> unknown = roles.stream().filter(role -> !ROLES.contains(role)).toList();
    if (roles.isEmpty() || !unknown.isEmpty()) {
      problem(
          exchange,
          "role must name one or more of "
              + ROLES
              + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
      return;
    }
    claims.put("roles", roles);
    try {
      String smeId = first(parameters, "sme_id");
      if (smeId == null && roles.contains("SME")) {
        smeId = UUID.randomUUID().toString();
      }
      if (smeId != null) {
        claims.put("sme_id", UUID.fromString(smeId).toString());
      }
      String judgeId = first(parameters, "judge_id");
      if (judgeId != null) {
        claims.put("judge_id", UUID.fromString(judgeId).toString());
      }
    } catch (IllegalArgumentException e) {
      problem(exchange, "sme_id and judge_id must be UUIDs");
      return;
    }
    String organisation = first(parameters, "organisation");
    if (organisation != null) {
      claims.put("organisation", organisation);
    }
    String subject = first(parameters, "sub");
    claims.put(
        "sub",
        subject != null
            ? subject
            : "dev-" + String.join("-", roles).toLowerCase() + "-" + UUID.randomUUID());
    Duration ttl = DEFAULT_TTL;
    String seconds = first(parameters, "ttl");
    if (seconds != null) {
      try {
        ttl = Duration.ofSeconds(Long.parseLong(seconds));
      } catch (NumberFormatException e) {
        problem(exchange, "ttl must be a number of seconds");
        return;
      }
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
        problem(exchange, "ttl must be between 1 second and 30 days");
        return;
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", issue(claims, ttl));
    answer.put("token_type", "Bearer");
    answer.put("expires_in", ttl.toSeconds());
    answer.put("claims", claims);
    respond(exchange, 200, JSON.writeValueAsString(answer));
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() || values.getFirst().isBlank()
        ? null
        : values.getFirst().strip();
  }

  /** Query parameters, and form parameters of a POST. */
  private static Map<String, List<String>> parameters(HttpExchange exchange) throws IOException {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    addPairs(parameters, exchange.getRequestURI().getRawQuery());
    if ("POST".equals(exchange.getRequestMethod())) {
      byte[] body = exchange.getRequestBody().readNBytes(16 * 1024);
      addPairs(parameters, new String(body, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static void addPairs(Map<String, List<String>> parameters, String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  private static void problem(HttpExchange exchange, String detail) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "/problems/invalid-token-request");
    problem.put("title", "Bad request");
    problem.put("status", 400);
    problem.put("detail", detail);
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    send(exchange, 400, JSON.writeValueAsString(problem));
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, json);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The key in the data directory, made on first start; readable by its owner only. */
  private static RSAKey signingKey(Path directory) throws IOException {
    Path file = directory.resolve("signing-key.json");
    if (Files.exists(file)) {
      try {
        return RSAKey.parse(Files.readString(file));
      } catch (ParseException e) {
        throw new IOException("unreadable signing key " + file + ": " + e.getMessage(), e);
      }
    }
    Files.createDirectories(directory);
    try {
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .keyID("dev-" + UUID.randomUUID())
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      Files.writeString(file, key.toJSONString());
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the data directory's own permissions apply.
      }
      return key;
    } catch (JOSEException e) {
      throw new IOException(e);
    }
  }
}
