package org.wyp.awardservice.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.wyp.kit.security.EndpointRules;
import org.wyp.kit.security.Role;

/**
 * Who may call which award-service endpoint. The money is the organisers': they configure funds,
 * release tranches and revoke awards, and only they read a fund's ledger (the public sees its
 * figures on the public board and in the 360Giving export, which is open data). An SME reads and
 * accepts awards too, but only its own: that is decided per award with the caller's {@code sme_id}
 * (see {@code AwardService}), so another SME's award is 404 as if it did not exist. An organiser
 * does not accept on an SME's behalf.
 */
@Component
class AwardEndpointRules implements EndpointRules {

  private static final String ORGANISER = Role.ORGANISER.name();
  private static final String SME = Role.SME.name();

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(HttpMethod.GET, "/api/rounds/{roundId}/360giving")
        .permitAll()
        .requestMatchers(HttpMethod.PUT, "/api/funds/{roundId}")
        .hasRole(ORGANISER)
        .requestMatchers(HttpMethod.GET, "/api/funds/{roundId}")
        .hasRole(ORGANISER)
        .requestMatchers(HttpMethod.GET, "/api/awards", "/api/awards/{id}")
        .hasAnyRole(ORGANISER, SME)
        .requestMatchers(HttpMethod.POST, "/api/awards/{id}/accept")
        .hasRole(SME)
        .requestMatchers(
            HttpMethod.POST,
            "/api/awards/{id}/tranches/{number}/release",
            "/api/awards/{id}/revoke")
        .hasRole(ORGANISER);
  }
}
