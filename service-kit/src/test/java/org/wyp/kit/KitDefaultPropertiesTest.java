package org.wyp.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.StandardEnvironment;

class KitDefaultPropertiesTest {

  @SpringBootApplication
  static class AService {}

  @SpringBootApplication(excludeName = "org.wyp.kit.KitAutoConfiguration")
  static class NotAService {}

  @Test
  void aServiceGetsTheKitsDefaults() {
    StandardEnvironment environment = new StandardEnvironment();

    new KitDefaultProperties()
        .postProcessEnvironment(environment, new SpringApplication(AService.class));

    assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
        .isEqualTo("readinessState,mongo,kafka");
  }

  @Test
  void anApplicationThatExcludesTheKitDoesNotGetItsDefaults() {
    StandardEnvironment environment = new StandardEnvironment();

    new KitDefaultProperties()
        .postProcessEnvironment(environment, new SpringApplication(NotAService.class));

    assertThat(environment.getPropertySources().contains(KitDefaultProperties.NAME)).isFalse();
    assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
        .isNull();
  }
}
