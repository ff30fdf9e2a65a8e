package org.wyp.kit.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Makes a test's service trust {@link TestTokens}: their issuer and their public key. */
public class SecurityTestInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test-tokens",
                Map.of(
                    "wyp.security.jwt.issuer",
                    TestTokens.ISSUER,
                    "wyp.security.jwt.public-key",
                    TestTokens.trustedPublicKey())));
  }
}
