package org.wyp.kit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service's integration test on real infrastructure: a real Kafka broker in KRaft mode inside the
 * test JVM (spring-kafka-test), the MongoDB wire server in a fresh database, and the service's web
 * server on a random port. It trusts {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "wyp.outbox.poll-interval=100ms",
      "wyp.kafka.retry-backoff=50ms",
      "wyp.kafka.partitions=2",
      "wyp.metrics.gauge-refresh=200ms"
    })
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(
    initializers = {EmbeddedMongoInitializer.class, SecurityTestInitializer.class})
public @interface ServiceIntegrationTest {}
