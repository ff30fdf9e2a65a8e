package org.wyp.problemservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wyp.kit.testing.ContainersIntegrationTest;
import org.wyp.kit.testing.TestTokens;

/** The same event checks against Kafka and MongoDB containers, where a Docker engine exists. */
@ContainersIntegrationTest
class ProblemEventsContainersTest extends ProblemEventsContract {

  /** The kit's containers annotation does not trust the test tokens by itself (yet). */
  @DynamicPropertySource
  static void trustTestTokens(DynamicPropertyRegistry registry) {
    registry.add("wyp.security.jwt.issuer", () -> TestTokens.ISSUER);
    registry.add("wyp.security.jwt.public-key", TestTokens::trustedPublicKey);
  }
}
