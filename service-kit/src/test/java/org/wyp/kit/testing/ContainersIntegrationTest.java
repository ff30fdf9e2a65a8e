package org.wyp.kit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same integration tests against Kafka and MongoDB in containers (Testcontainers). Skipped, and
 * reported as skipped, where no Docker engine runs. It trusts {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "wyp.outbox.poll-interval=100ms",
      "wyp.kafka.retry-backoff=50ms",
      "wyp.metrics.gauge-refresh=200ms"
    })
@ContextConfiguration(initializers = {ContainersInitializer.class, SecurityTestInitializer.class})
public @interface ContainersIntegrationTest {}
