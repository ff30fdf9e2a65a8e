package org.wyp.judgingservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Rubrics, judges, panels, conflicts, scores, shortlists, rankings and conclusions. Its settings
 * file has the service's name so it is still found when every service shares one class path (the
 * local stack).
 */
@SpringBootApplication
@PropertySource("classpath:judging-service.properties")
public class JudgingServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(JudgingServiceApplication.class, args);
  }
}
