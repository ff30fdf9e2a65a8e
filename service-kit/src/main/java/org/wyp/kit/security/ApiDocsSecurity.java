package org.wyp.kit.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API docs say how to authenticate (a bearer JWT, so Swagger UI offers to send one) and leave
 * out the {@link Caller} parameter, which comes from the token, not from the client's request.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsSecurity {

  static final String BEARER = "bearer-jwt";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenApiCustomizer bearerTokens() {
    return openApi -> {
      Components components =
          openApi.getComponents() == null ? new Components() : openApi.getComponents();
      components.addSecuritySchemes(
          BEARER,
          new SecurityScheme()
              .type(SecurityScheme.Type.HTTP)
              .scheme("bearer")
              .bearerFormat("JWT")
              .description(
                  "A token from the trusted issuer; roles in the roles claim, and sme_id, judge_id"
                      + " or organisation binding the caller to its objects"));
      OpenAPI secured = openApi.components(components);
      secured.addSecurityItem(new SecurityRequirement().addList(BEARER));
    };
  }
}
