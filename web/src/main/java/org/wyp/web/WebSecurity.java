package org.wyp.web;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything the public sees is anonymous: the page, its stream and the board as JSON, and health.
 * The other actuator endpoints need a bearer token with the OPS role from the same issuer the
 * services trust (the same {@code wyp.security.jwt.*} settings); anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  @Bean
  SecurityFilterChain webSecurityFilterChain(HttpSecurity http) throws Exception {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
    authentication.setJwtGrantedAuthoritiesConverter(roles);
    return http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.GET,
                        "/",
                        "/index.html",
                        "/app.js",
                        "/style.css",
                        "/favicon.ico",
                        "/live",
                        "/api/views",
                        "/actuator/health",
                        "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("OPS")
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(authentication)))
        .build();
  }

  /** As the services decode tokens: the issuer's JWKS, or one configured public key. */
  @Bean
  JwtDecoder jwtDecoder(
      @Value("${wyp.security.jwt.issuer}") String issuer,
      @Value("${wyp.security.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${wyp.security.jwt.public-key:}") String publicKey)
      throws Exception {
    NimbusJwtDecoder decoder;
    if (!publicKey.isBlank()) {
      byte[] der = Base64.getDecoder().decode(publicKey.strip());
      decoder =
          NimbusJwtDecoder.withPublicKey(
                  (RSAPublicKey)
                      KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)))
              .build();
    } else {
      decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
    }
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
    return decoder;
  }
}
