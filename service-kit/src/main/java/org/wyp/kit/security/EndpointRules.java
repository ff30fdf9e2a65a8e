package org.wyp.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role rules per endpoint: which requests are anonymous and which need which role.
 * Object-level rules (whose submission, which judge) are the service's own, decided with the {@link
 * Caller}. The kit adds the shared endpoints before and denies every request no rule names after,
 * so an endpoint nobody thought about is closed, not open.
 */
@FunctionalInterface
public interface EndpointRules {

  void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests);
}
