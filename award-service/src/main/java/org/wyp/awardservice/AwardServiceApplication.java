package org.wyp.awardservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Seed funds, allocation, awards, tranches and the fund ledger. Its settings file has the service's
 * name so it is still found when every service shares one class path (the local stack).
 */
@SpringBootApplication
@PropertySource("classpath:award-service.properties")
public class AwardServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AwardServiceApplication.class, args);
  }
}
