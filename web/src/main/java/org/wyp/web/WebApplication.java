package org.wyp.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The public web front: the public update topic materialised in memory, the page that shows it and
 * a stream of its changes. It has no database and needs none of the service kit, which it excludes
 * by name for when it shares a class path with the services (the local stack).
 */
@SpringBootApplication(excludeName = "org.wyp.kit.KitAutoConfiguration")
@ConfigurationPropertiesScan
@PropertySource("classpath:web.properties")
public class WebApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebApplication.class, args);
  }
}
