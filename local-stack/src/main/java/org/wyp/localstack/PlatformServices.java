package org.wyp.localstack;

import static org.wyp.localstack.PlatformService.Role.SERVICE;
import static org.wyp.localstack.PlatformService.Role.WEB_FRONT;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wyp.awardservice.AwardServiceApplication;
import org.wyp.judgingservice.JudgingServiceApplication;
import org.wyp.problemservice.ProblemServiceApplication;
import org.wyp.submissionservice.SubmissionServiceApplication;
import org.wyp.web.WebApplication;

/** The platform's services and how one of them is started inside the local stack's JVM. */
final class PlatformServices {

  /** Every service, in start order. A new service joins the local stack by adding one line. */
  static final List<PlatformService> ALL =
      List.of(
          new PlatformService("problem-service", ProblemServiceApplication.class, 8081, SERVICE),
          new PlatformService(
              "submission-service", SubmissionServiceApplication.class, 8082, SERVICE),
          new PlatformService("judging-service", JudgingServiceApplication.class, 8083, SERVICE),
          new PlatformService("award-service", AwardServiceApplication.class, 8084, SERVICE),
          new PlatformService("web", WebApplication.class, 8080, WEB_FRONT));

  private PlatformServices() {}

  /** Which tokens the services trust: the issuer they must name and where its keys are. */
  record TokenIssuer(String issuer, String jwkSetUri) {}

  /** A started service: its own Spring application context with its own web server. */
  record RunningService(PlatformService service, ConfigurableApplicationContext context, int port)
      implements AutoCloseable {

    String baseUrl() {
      return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /**
   * Starts {@code service} as its own Spring application context on {@code port} (0 picks a free
   * port), connected to the given Kafka and MongoDB. Returns once its web server accepts requests.
   */
  static RunningService start(
      PlatformService service,
      int port,
      String kafkaBootstrapServers,
      String mongoUri,
      TokenIssuer issuer) {
    // Command-line arguments outrank the service's own properties and the environment, so these
    // win over its <name>.properties and over KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI placeholders.
    // Its name and database stay as its own settings file says.
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    // Loopback, like Kafka, MongoDB and the development issuer, which hands out any token.
    args.add("--server.address=127.0.0.1");
    args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
    args.add("--spring.mongodb.uri=" + mongoUri);
    args.add("--wyp.security.jwt.issuer=" + issuer.issuer());
    args.add("--wyp.security.jwt.jwk-set-uri=" + issuer.jwkSetUri());
    // The local stack's shutdown hook closes services before the infrastructure they use; a hook
    // per service, or one that stops logging, would run concurrently with it in no fixed order.
    args.add("--logging.register-shutdown-hook=false");
    // Logging is one system per JVM: the first service's name would label every service's lines.
    args.add("--logging.include-application-name=false");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(service.application())
            // Log as the service, not as LocalStack, whose main() Spring finds on the stack.
            .main(service.application())
            .bannerMode(Banner.Mode.OFF)
            .registerShutdownHook(false)
            .run(args.toArray(String[]::new));
    int actualPort = context.getEnvironment().getRequiredProperty("local.server.port", int.class);
    return new RunningService(service, context, actualPort);
  }
}
