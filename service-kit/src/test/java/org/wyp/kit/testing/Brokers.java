package org.wyp.kit.testing;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The Kafka bootstrap servers a test's application context was bound to. Tests take them from the
 * context, not from the {@code spring.kafka.bootstrap-servers} property: every embedded broker in
 * the JVM rewrites that system property, so by the time a later test reads it, it may name a broker
 * that another test class started and stopped.
 */
public final class Brokers {

  private Brokers() {}

  public static String of(KafkaProperties properties) {
    return String.join(",", properties.getBootstrapServers());
  }
}
