package org.wyp.kit;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.health.KafkaClusterHealth;
import org.wyp.kit.health.MongoPingHealth;
import org.wyp.kit.kafka.KafkaConfiguration;
import org.wyp.kit.metrics.EventMetrics;
import org.wyp.kit.metrics.RefreshedGauges;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.projection.Projections;
import org.wyp.kit.security.ApiDocsSecurity;
import org.wyp.kit.security.SecurityConfiguration;
import org.wyp.kit.tracing.CurrentTrace;
import org.wyp.kit.view.DerivedViews;
import org.wyp.kit.web.EventCatalogueController;
import org.wyp.kit.web.ProblemDetailsAdvice;
import org.wyp.kit.web.ProblemErrorReportValve;
import org.wyp.kit.web.RequestSizeLimitFilter;
import org.wyp.kit.web.StrictJsonInput;

/**
 * Wires the kit into every service that has it on the class path. It runs before Boot's Kafka
 * auto-configuration so that Boot's String-valued producer and consumer factories back off in
 * favour of the kit's raw-bytes ones, and before Boot's MongoDB health so that it uses the kit's.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration"
    },
    afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(WypProperties.class)
@Import({
  KafkaConfiguration.class,
  SecurityConfiguration.class,
  ApiDocsSecurity.class,
  ProblemDetailsAdvice.class,
  EventCatalogueController.class
})
public class KitAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  OutboxRelay outboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, byte[]> kafka,
      WypProperties properties,
      MeterRegistry registry) {
    return new OutboxRelay(mongo, kafka, properties.outbox(), registry);
  }

  @Bean
  EventMetrics eventMetrics(MeterRegistry registry) {
    return new EventMetrics(registry);
  }

  @Bean
  RefreshedGauges refreshedGauges(MeterRegistry registry, WypProperties properties) {
    return new RefreshedGauges(registry, properties.metrics().gaugeRefresh());
  }

  /** With Micrometer Tracing's tracer and propagator, which Boot provides; none without them. */
  @Bean
  CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    Tracer current = tracer.getIfAvailable();
    Propagator writer = propagator.getIfAvailable();
    return current == null || writer == null ? CurrentTrace.NONE : CurrentTrace.of(current, writer);
  }

  @Bean
  AggregateStoreSupport aggregateStoreSupport(
      MongoTemplate mongo,
      OutboxRelay relay,
      Clock clock,
      WypProperties properties,
      CurrentTrace trace) {
    return new AggregateStoreSupport(mongo, relay, clock, properties.eventSource(), trace);
  }

  /** Lazy: only services that publish derived public views have their collection relayed. */
  @Bean
  @Lazy
  DerivedViews derivedViews(AggregateStoreSupport support) {
    return new DerivedViews(support);
  }

  /** Named as Boot's indicator is, which then backs off. */
  @Bean
  MongoPingHealth mongoHealthIndicator(MongoClient mongo) {
    return new MongoPingHealth(mongo);
  }

  /** Named {@code kafka} in health, which the readiness group includes. */
  @Bean
  KafkaClusterHealth kafkaHealthIndicator(KafkaProperties kafka, WypProperties properties) {
    return new KafkaClusterHealth(
        kafka.buildAdminProperties(), properties.metrics().kafkaHealthTimeout());
  }

  @Bean
  Projections projections(MongoTemplate mongo) {
    return new Projections(mongo);
  }

  @Bean
  JsonMapperBuilderCustomizer strictJsonInput() {
    return StrictJsonInput.customizer();
  }

  @Bean
  StrictJsonInput.Utf8Bodies utf8Bodies() {
    return new StrictJsonInput.Utf8Bodies();
  }

  /** What Tomcat refuses itself (an encoded {@code /} in a path, say) is a problem too. */
  @Bean
  TomcatContextCustomizer problemErrorReports() {
    return context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    };
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WypProperties properties) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.web().maxRequestBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
