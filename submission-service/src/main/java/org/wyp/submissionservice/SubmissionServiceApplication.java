package org.wyp.submissionservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * SMEs and the solution pitches they submit to published problems. Its settings file has the
 * service's name so it is still found when every service shares one class path (the local stack).
 */
@SpringBootApplication
@PropertySource("classpath:submission-service.properties")
public class SubmissionServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SubmissionServiceApplication.class, args);
  }
}
