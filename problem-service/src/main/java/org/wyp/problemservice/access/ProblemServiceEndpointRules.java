package org.wyp.problemservice.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.wyp.kit.security.EndpointRules;
import org.wyp.kit.security.Role;

/**
 * Who may call each endpoint of problem-service, by role. Rounds and public problems are read
 * anonymously; organisers run rounds and publish, close and withdraw problems; problem owners
 * draft, edit and endorse. Which problem a caller may see, edit or endorse is the problem's own
 * rule, decided with the caller's organisation (see {@code ProblemVisibility} and {@code Problem}).
 */
@Component
class ProblemServiceEndpointRules implements EndpointRules {

  private static final String ORGANISER = Role.ORGANISER.name();
  private static final String PROBLEM_OWNER = Role.PROBLEM_OWNER.name();

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(GET, "/api/rounds", "/api/rounds/{id}")
        .permitAll()
        .requestMatchers(
            POST,
            "/api/rounds",
            "/api/rounds/{id}/open",
            "/api/rounds/{id}/close-submissions",
            "/api/rounds/{id}/archive")
        .hasRole(ORGANISER)
        .requestMatchers(GET, "/api/problems", "/api/problems/{id}")
        .permitAll()
        .requestMatchers(POST, "/api/problems")
        .hasRole(PROBLEM_OWNER)
        .requestMatchers(PUT, "/api/problems/{id}")
        .hasRole(PROBLEM_OWNER)
        .requestMatchers(
            POST,
            "/api/problems/{id}/publish",
            "/api/problems/{id}/close",
            "/api/problems/{id}/withdraw")
        .hasRole(ORGANISER)
        .requestMatchers(POST, "/api/problems/{id}/endorsements")
        .hasRole(PROBLEM_OWNER);
  }
}
