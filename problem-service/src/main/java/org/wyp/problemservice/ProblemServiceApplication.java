package org.wyp.problemservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Rounds, problem statements and endorsements. Its settings file has the service's name, not {@code
 * application.properties}, so it is still found when every service shares one class path (the local
 * stack); it ranks above the kit's defaults and below the environment.
 */
@SpringBootApplication
@PropertySource("classpath:problem-service.properties")
public class ProblemServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProblemServiceApplication.class, args);
  }
}
