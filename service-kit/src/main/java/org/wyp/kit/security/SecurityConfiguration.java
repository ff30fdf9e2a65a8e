package org.wyp.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.wyp.kit.WypProperties;

/**
 * Every service is an OAuth2 resource server: a request may carry a bearer JWT, which must be
 * signed by the configured issuer's key, name that issuer and be unexpired. Roles come from the
 * {@code roles} claim. Health, the event catalogue and the API docs are anonymous; the other
 * actuator endpoints need {@link Role#OPS}; each service's {@link EndpointRules} say the rest, and
 * anything they do not name is denied. Without a token the answer is 401, with one that may not the
 * answer is 403, both as problem details.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  SecurityFilterChain wypSecurityFilterChain(
      HttpSecurity http, List<EndpointRules> rules, WypProperties properties, Clock clock)
      throws Exception {
    WypProperties.Security settings = properties.security();
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests -> {
              requests
                  .requestMatchers(
                      HttpMethod.GET,
                      "/actuator/health",
                      "/actuator/health/**",
                      "/actuator/info",
                      "/asyncapi.yaml",
                      "/schemas/**",
                      "/v3/api-docs",
                      "/v3/api-docs/**",
                      "/swagger-ui.html",
                      "/swagger-ui/**")
                  .permitAll()
                  .requestMatchers("/actuator/**")
                  .hasRole(Role.OPS.name())
                  // Spring's error page renders the status of a request already decided.
                  .requestMatchers("/error")
                  .permitAll();
              rules.forEach(rule -> rule.apply(requests));
              requests.anyRequest().denyAll();
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                401,
                                "unauthenticated",
                                "Unauthenticated",
                                "A valid bearer token is required: it is missing, expired, or not"
                                    + " signed by the trusted issuer"))
                    .accessDeniedHandler(SecurityConfiguration::forbidden))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                401,
                                "unauthenticated",
                                "Unauthenticated",
                                "This request needs a bearer token"))
                    .accessDeniedHandler(SecurityConfiguration::forbidden))
        .addFilterAfter(
            new WriteRateLimiter(
                settings.rateLimit().writesPerMinute(), settings.rateLimit().burst(), clock),
            AuthorizationFilter.class);
    return http.build();
  }

  /**
   * A path the firewall refuses (an encoded dot segment or NUL, say) is a 400 problem, not Spring's
   * error page.
   */
  @Bean
  RequestRejectedHandler problemOnRejectedRequest() {
    return (request, response, e) ->
        ProblemResponses.write(
            response,
            400,
            "malformed-request",
            "Malformed request",
            "The request's path or headers are not allowed");
  }

  private static void forbidden(
      HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
    ProblemResponses.write(
        response, 403, "forbidden", "Forbidden", "The caller's roles do not allow this request");
  }

  /**
   * The issuer's keys from its JWKS endpoint (fetched when first needed, and again when a token
   * names a key not seen yet, so keys rotate), or a fixed public key where one is configured.
   */
  @Bean
  JwtDecoder jwtDecoder(WypProperties properties) throws Exception {
    WypProperties.Jwt settings = properties.security().jwt();
    NimbusJwtDecoder decoder;
    if (settings.publicKey() != null && !settings.publicKey().isBlank()) {
      byte[] der = Base64.getDecoder().decode(settings.publicKey().strip());
      RSAPublicKey key =
          (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      decoder = NimbusJwtDecoder.withPublicKey(key).build();
    } else {
      decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
    }
    OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(settings.issuer());
    decoder.setJwtValidator(validator);
    return decoder;
  }

  static JwtAuthenticationConverter authenticationConverter() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(Callers.ROLES_CLAIM);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return converter;
  }

  @Bean
  WebMvcConfigurer callerArguments() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }
}
