package org.wyp.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The public web front: the public update topic materialised in memory, the page that shows it and
 * a stream of its changes. It has no database and needs none of the service kit. In the local stack
 * it shares a class path with the services, so it names what it must not pick up from them.
 */
@SpringBootApplication(
    excludeName = {
      "org.wyp.kit.KitAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"
    })
@ConfigurationPropertiesScan
@PropertySource("classpath:web.properties")
public class WebApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebApplication.class, args);
  }
}
