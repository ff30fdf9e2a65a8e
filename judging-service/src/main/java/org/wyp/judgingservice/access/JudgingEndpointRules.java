package org.wyp.judgingservice.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.wyp.kit.security.EndpointRules;
import org.wyp.kit.security.Role;

/**
 * Who may call each of judging's endpoints, by role. Organisers run judging; judges read rubrics,
 * themselves and their pitches, declare their conflicts and score; the public reads a concluded
 * round's results. Which judge, which pitch and whether the round is concluded are decided by the
 * services with the caller (see README, judging-service, Access).
 */
@Component
class JudgingEndpointRules implements EndpointRules {

  private static final String ORGANISER = Role.ORGANISER.name();
  private static final String JUDGE = Role.JUDGE.name();

  private static final String STAGE = "/api/rounds/{roundId}/stages/{stage}";

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        // Judges and their conflicts.
        .requestMatchers(POST, "/api/judges")
        .hasRole(ORGANISER)
        .requestMatchers(GET, "/api/judges/{judgeId}")
        .hasAnyRole(ORGANISER, JUDGE)
        .requestMatchers(POST, "/api/judges/{judgeId}/conflicts")
        .hasAnyRole(ORGANISER, JUDGE)
        // Rubrics, panels and assignments.
        .requestMatchers(PUT, STAGE + "/rubric")
        .hasRole(ORGANISER)
        .requestMatchers(GET, STAGE + "/rubric")
        .hasAnyRole(ORGANISER, JUDGE)
        .requestMatchers(PUT, STAGE + "/panel")
        .hasRole(ORGANISER)
        .requestMatchers(GET, STAGE + "/panel")
        .hasRole(ORGANISER)
        .requestMatchers(POST, STAGE + "/assignments")
        .hasRole(ORGANISER)
        // Pitches: organisers all, a judge those on its desk.
        .requestMatchers(GET, "/api/rounds/{roundId}/pitches")
        .hasAnyRole(ORGANISER, JUDGE)
        .requestMatchers(GET, "/api/pitches/{pitchId}")
        .hasAnyRole(ORGANISER, JUDGE)
        // Scores: a judge as itself; an organiser does not score.
        .requestMatchers(PUT, "/api/pitches/{pitchId}/stages/{stage}/scores/{judgeId}")
        .hasRole(JUDGE)
        // Rankings, the chain and decisions show individual scores: organisers only.
        .requestMatchers(GET, STAGE + "/ranking")
        .hasRole(ORGANISER)
        .requestMatchers(POST, STAGE + "/shortlist")
        .hasRole(ORGANISER)
        .requestMatchers(POST, "/api/rounds/{roundId}/conclude")
        .hasRole(ORGANISER)
        .requestMatchers(GET, "/api/rounds/{roundId}/chain")
        .hasRole(ORGANISER)
        // Public results once concluded (before that: not found, but for organisers).
        .requestMatchers(GET, "/api/rounds/{roundId}/conclusion")
        .permitAll()
        .requestMatchers(GET, "/api/rounds/{roundId}/chain/verify")
        .permitAll();
  }
}
