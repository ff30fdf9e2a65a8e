package org.wyp.kit.testing;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Points a test's application context at a real Kafka broker and a real MongoDB (single-node
 * replica set) in containers, started once per test JVM. Only used where a Docker engine exists.
 */
public class ContainersInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static KafkaContainer kafka;
  private static MongoDBContainer mongo;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "containers",
                Map.of(
                    "spring.kafka.bootstrap-servers", kafka.getBootstrapServers(),
                    "spring.mongodb.uri", mongo.getReplicaSetUrl(),
                    "spring.mongodb.database", "test-" + UUID.randomUUID())));
  }

  private static synchronized void start() {
    if (kafka == null) {
      kafka = new KafkaContainer("apache/kafka:4.2.1");
      mongo = new MongoDBContainer("mongo:7.0");
      kafka.start();
      mongo.start();
    }
  }
}
