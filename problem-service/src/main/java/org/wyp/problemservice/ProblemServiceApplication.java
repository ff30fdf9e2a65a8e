package org.wyp.problemservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Rounds, problem statements and endorsements. */
@SpringBootApplication
public class ProblemServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProblemServiceApplication.class, args);
  }
}
