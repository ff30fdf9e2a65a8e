package org.wyp.submissionservice.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.wyp.kit.security.EndpointRules;
import org.wyp.kit.security.Role;

/**
 * Who may call each endpoint of submission-service, by role; anything not named here is denied. The
 * services then decide per object with the caller: an SME acts only as the SME its token's {@code
 * sme_id} binds, sees only its own SME and pitches (another's are 404), and organisers read
 * everything but change no SME's pitch (403). Only the submission counts are public.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionEndpointRules {

  private static final String SME = Role.SME.name();
  private static final String ORGANISER = Role.ORGANISER.name();

  @Bean
  EndpointRules submissionServiceRules() {
    return requests ->
        requests
            // SMEs: the caller's own registration, readable by it and organisers; the list and
            // its contact details are for organisers.
            .requestMatchers(HttpMethod.POST, "/api/smes")
            .hasRole(SME)
            .requestMatchers(HttpMethod.GET, "/api/smes/{id}")
            .hasAnyRole(SME, ORGANISER)
            .requestMatchers(HttpMethod.GET, "/api/smes")
            .hasRole(ORGANISER)
            // Pitches: made and changed by their SME only, read by it and organisers.
            .requestMatchers(HttpMethod.POST, "/api/submissions")
            .hasRole(SME)
            .requestMatchers(HttpMethod.PUT, "/api/submissions/{id}")
            .hasRole(SME)
            .requestMatchers(HttpMethod.POST, "/api/submissions/{id}/withdraw")
            .hasRole(SME)
            .requestMatchers(HttpMethod.GET, "/api/submissions/{id}")
            .hasAnyRole(SME, ORGANISER)
            .requestMatchers(HttpMethod.GET, "/api/submissions")
            .hasAnyRole(SME, ORGANISER)
            // The public problem board: counts and nothing more.
            .requestMatchers(HttpMethod.GET, "/api/problems/{problemId}/submission-count")
            .permitAll()
            .requestMatchers(HttpMethod.GET, "/api/rounds/{roundId}/submission-counts")
            .permitAll();
  }
}
