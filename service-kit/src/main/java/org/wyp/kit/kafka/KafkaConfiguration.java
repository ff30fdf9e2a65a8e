package org.wyp.kit.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.wyp.events.EventDecodingException;
import org.wyp.events.Topics;
import org.wyp.kit.WypProperties;
import org.wyp.kit.metrics.EventMetrics;

/**
 * Kafka as every service uses it: records are keyed by string with the event's JSON bytes as the
 * value (decoded by {@link ReceivedEvents}, so a malformed value can never wedge a consumer), an
 * idempotent {@code acks=all} producer, and bounded retries followed by the record's dead-letter
 * topic. Consumers are configured in {@code wyp-kit-defaults.properties}, so that Boot's listener
 * container factory builds them the same way.
 *
 * <p>Boot backs off from its own producer factory in favour of the kit's, so the kit applies Boot's
 * producer customizers itself: that is how the producer's client metrics reach Micrometer. Boot
 * binds the consumers' client metrics (lag included) on its own consumer factory.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

  private static final List<String> EVENT_TOPICS =
      List.of(Topics.ROUNDS, Topics.PROBLEMS, Topics.SUBMISSIONS, Topics.JUDGING, Topics.AWARDS);

  @Bean
  ProducerFactory<String, byte[]> wypProducerFactory(
      KafkaProperties properties,
      ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
    Map<String, Object> config = properties.buildProducerProperties();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
    customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
    return factory;
  }

  @Bean
  KafkaTemplate<String, byte[]> wypKafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
    return new KafkaTemplate<>(producerFactory);
  }

  @Bean
  DefaultErrorHandler wypErrorHandler(
      KafkaTemplate<String, byte[]> template, WypProperties properties, EventMetrics metrics) {
    CountingDeadLetterRecoverer deadLetters =
        new CountingDeadLetterRecoverer(
            template,
            // A negative partition lets the producer choose: DLTs need not mirror partition counts.
            (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1),
            metrics);
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(properties.kafka().retries());
    backOff.setInitialInterval(properties.kafka().retryBackoff().toMillis());
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(properties.kafka().retryBackoff().toMillis() * 16);
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(EventDecodingException.class, PoisonEventException.class);
    return handler;
  }

  /**
   * Boot's listener container factory applies the one record interceptor it finds: this one logs
   * each record as it is taken up, then counts it once handled.
   */
  @Bean
  CompositeRecordInterceptor<Object, Object> wypRecordInterceptor(EventMetrics metrics) {
    return new CompositeRecordInterceptor<>(
        new ReceivedRecordLog(), new ConsumedEventCounter(metrics));
  }

  @Bean
  KafkaAdmin.NewTopics wypTopics(WypProperties properties) {
    int partitions = properties.kafka().partitions();
    short replicas = properties.kafka().replicationFactor();
    List<NewTopic> topics = new ArrayList<>();
    for (String topic : EVENT_TOPICS) {
      topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
      topics.add(
          TopicBuilder.name(Topics.deadLetterOf(topic))
              .partitions(partitions)
              .replicas(replicas)
              .build());
    }
    topics.add(
        TopicBuilder.name(Topics.UPDATES)
            .partitions(partitions)
            .replicas(replicas)
            .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
            .build());
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }
}
