package org.wyp.kit.testing;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at the embedded MongoDB wire server, in a fresh database of
 * its own, overriding whatever the service's configuration names.
 */
public class EmbeddedMongoInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embedded-mongo",
                Map.of(
                    "spring.mongodb.uri",
                    EmbeddedMongo.connectionString(),
                    "spring.mongodb.database",
                    "test-" + UUID.randomUUID())));
  }
}
