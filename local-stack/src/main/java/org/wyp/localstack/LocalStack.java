package org.wyp.localstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.wyp.localstack.PlatformServices.RunningService;
import org.wyp.localstack.PlatformServices.TokenIssuer;
import org.wyp.localstack.demo.DemoRound;

/**
 * The whole platform in one process, for one machine: a real Kafka broker (KRaft), the MongoDB wire
 * server with its data in an H2 file, and every service as its own Spring application context with
 * its own web server. With {@code KAFKA_BOOTSTRAP_SERVERS} or {@code MONGODB_URI} set, that
 * infrastructure is used instead of the embedded one.
 */
public final class LocalStack implements AutoCloseable {

  private static final String PREFIX = "[local-stack] ";

  private final LocalStackOptions options;
  private final PrintStream out;

  // Guards starting and stopping: a stop that arrives while the stack starts waits for the step in
  // progress, then stops everything, and the start gives up at its next step.
  private final Object lock = new Object();
  private final Deque<Started> started = new ArrayDeque<>();
  private final List<RunningService> services = new ArrayList<>();
  private boolean closed;

  private Path dataDir;
  private String kafkaBootstrapServers;
  private String kafkaDescription;
  private String mongoUri;
  private String mongoDescription;
  private TokenIssuer issuer;
  private DevIssuer devIssuer;

  /** A port the stack needs is taken; the message says which and how to choose another. */
  static final class PortInUseException extends IllegalStateException {
    PortInUseException(String message) {
      super(message);
    }
  }

  /** Something started, with the name its stop is reported under. */
  private record Started(String name, AutoCloseable component) {}

  @FunctionalInterface
  private interface Step<T extends AutoCloseable> {
    T start() throws Exception;
  }

  private LocalStack(LocalStackOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    LocalStackOptions options;
    try {
      options = LocalStackOptions.parse(args, System.getenv(), PlatformServices.ALL);
    } catch (IllegalArgumentException e) {
      System.err.println("local-stack: " + e.getMessage());
      System.err.println("Run with --help for the options.");
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LocalStackOptions.usage(PlatformServices.ALL));
      return;
    }
    if (options.aotTraining()) {
      System.exit(trainingRun());
    }

    LocalStack stack = new LocalStack(options, System.out);
    // Registered before anything starts, so Ctrl+C during start-up still stops cleanly what has
    // started. Services, Kafka and MongoDB register no hooks of their own (see PlatformServices).
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
    try {
      stack.startAll();
    } catch (Exception e) {
      if (!stack.isClosed()) {
        System.err.println(PREFIX + "could not start: " + e.getMessage());
        if (!(e instanceof PortInUseException)) {
          e.printStackTrace();
        }
        System.exit(1);
      }
      return;
    }
    stack.printSummary(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
    options.demoPace().ifPresent(stack::playDemo);
    // main returns; the services' web servers and the broker keep the JVM running until stopped.
  }

  /**
   * Starts the whole stack once and stops it. The JVM records the classes it loaded and linked, and
   * the methods it compiled, when it exits ({@code -XX:AOTCacheOutput}); later starts from that
   * cache skip most of that work, which dominates the start-up time on a small machine.
   *
   * @return the process's exit status
   */
  private static int trainingRun() {
    Path dataDir = null;
    try {
      dataDir = Files.createTempDirectory("local-stack-aot-training");
      try (LocalStack stack =
          start(LocalStackOptions.onFreePorts(dataDir, PlatformServices.ALL), System.out)) {
        System.out.println(PREFIX + "training run: started; stopping");
      }
      return 0;
    } catch (Exception e) {
      System.err.println(PREFIX + "training run failed: " + e);
      return 1;
    } finally {
      deleteQuietly(dataDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      System.err.println(PREFIX + "could not delete " + dir + ": " + e.getMessage());
    }
  }

  /** Plays the demo round; if it fails, says why and leaves the platform running. */
  private void playDemo(Duration pace) {
    out.printf(
        "%n%sPlaying the demo round: open %s to watch it.%n",
        PREFIX, serviceUrl("web") + "/#finals");
    try {
      new DemoRound(DemoRound.Shape.full(pace), serviceUrls(), tokenIssuerUrl(), out).play();
    } catch (RuntimeException e) {
      if (!isClosed()) {
        out.println(PREFIX + "the demo round stopped: " + e.getMessage());
      }
    }
  }

  /** Base URL by service name, of every running service. */
  Map<String, String> serviceUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    services.forEach(running -> urls.put(running.service().name(), running.baseUrl()));
    return urls;
  }

  /**
   * Starts the stack described by {@code options}, reporting progress on {@code out}. On failure,
   * stops whatever had started and rethrows.
   */
  static LocalStack start(LocalStackOptions options, PrintStream out) throws Exception {
    LocalStack stack = new LocalStack(options, out);
    try {
      stack.startAll();
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  private void startAll() throws Exception {
    dataDir = options.dataDir().toAbsolutePath().normalize();
    requireFreePorts();
    if (embedsAnything()) {
      progress("data directory %s", dataDir);
    }

    // MongoDB first: it starts in well under a second and fails at once if another stack holds
    // the same data; and being started first, it is stopped last.
    if (options.externalMongoUri().isPresent()) {
      mongoUri = options.externalMongoUri().get();
      mongoDescription = "external, from MONGODB_URI";
      progress("using MongoDB at %s (MONGODB_URI)", withoutPassword(mongoUri));
    } else {
      long stepBegin = System.nanoTime();
      Path file = dataDir.resolve("mongo").resolve("wyp.mv");
      progress(
          "starting MongoDB wire server on 127.0.0.1:%d, H2 file %s", options.mongoPort(), file);
      EmbeddedMongoServer mongo =
          step("MongoDB wire server", () -> EmbeddedMongoServer.start(file, options.mongoPort()));
      mongoUri = mongo.connectionString();
      mongoDescription = "embedded, data in " + file;
      progress("MongoDB ready in %s", since(stepBegin));
    }

    if (options.externalKafka().isPresent()) {
      kafkaBootstrapServers = options.externalKafka().get();
      kafkaDescription = "external, from KAFKA_BOOTSTRAP_SERVERS";
      progress("using Kafka at %s (KAFKA_BOOTSTRAP_SERVERS)", kafkaBootstrapServers);
    } else {
      long stepBegin = System.nanoTime();
      Path logDir = dataDir.resolve("kafka");
      progress(
          "starting Kafka broker (KRaft) on 127.0.0.1:%d, controller 127.0.0.1:%d, log %s",
          options.kafkaPort(), options.kafkaControllerPort(), logDir);
      EmbeddedKafkaBroker kafka =
          step(
              "Kafka broker",
              () ->
                  EmbeddedKafkaBroker.start(
                      logDir, options.kafkaPort(), options.kafkaControllerPort()));
      kafkaBootstrapServers = kafka.bootstrapServers();
      kafkaDescription = "embedded, data in " + logDir;
      progress(
          "Kafka ready in %s (cluster %s, %s)",
          since(stepBegin),
          kafka.clusterId(),
          kafka.newlyFormatted() ? "new storage formatted" : "existing storage");
    }

    if (options.externalIssuer().isPresent()) {
      String external = options.externalIssuer().get();
      issuer =
          new TokenIssuer(external, options.externalJwkSetUri().orElse(external + "/oauth2/jwks"));
      progress("trusting tokens from %s (WYP_JWT_ISSUER)", external);
    } else {
      devIssuer =
          step(
              "development token issuer",
              () -> DevIssuer.start(dataDir.resolve("issuer"), options.issuerPort()));
      issuer = new TokenIssuer(devIssuer.issuer(), devIssuer.jwkSetUri());
      progress("development token issuer ready at %s", devIssuer.issuer());
    }

    for (PlatformService service : PlatformServices.ALL) {
      long stepBegin = System.nanoTime();
      int port = options.servicePorts().get(service.name());
      progress("starting %s on port %d", service.name(), port);
      RunningService running =
          step(
              service.name(),
              () -> PlatformServices.start(service, port, kafkaBootstrapServers, mongoUri, issuer));
      services.add(running);
      progress("%s ready at %s in %s", service.name(), running.baseUrl(), since(stepBegin));
    }
  }

  private boolean embedsAnything() {
    return options.externalKafka().isEmpty() || options.externalMongoUri().isEmpty();
  }

  /** Runs one start-up step unless the stack is being stopped, remembering what it started. */
  private <T extends AutoCloseable> T step(String name, Step<T> step) throws Exception {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("stopped while starting");
      }
      T component = step.start();
      started.push(new Started(name, component));
      return component;
    }
  }

  /**
   * Fails fast, before anything starts, when a port is taken: otherwise the clash surfaces deep in
   * a broker or web server log after seconds of start-up.
   */
  private void requireFreePorts() {
    if (options.externalMongoUri().isEmpty()) {
      requireFree("MongoDB", options.mongoPort(), "--mongo-port");
    }
    if (options.externalIssuer().isEmpty()) {
      requireFree("development token issuer", options.issuerPort(), "--issuer-port");
    }
    if (options.externalKafka().isEmpty()) {
      requireFree("Kafka", options.kafkaPort(), "--kafka-port");
      requireFree("Kafka controller", options.kafkaControllerPort(), "--kafka-controller-port");
    }
    for (PlatformService service : PlatformServices.ALL) {
      requireFree(
          service.name(), options.servicePorts().get(service.name()), "--" + service.portOption());
    }
  }

  private static void requireFree(String what, int port, String option) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new PortInUseException(
          String.format(
              "%s port %d is already in use (is another local stack running?); choose another"
                  + " with %s=N",
              what, port, option));
    }
  }

  private void printSummary(Duration sinceLaunch) {
    StringBuilder summary = new StringBuilder();
    summary.append(
        String.format(
            "%n%sThe platform is running (started in %s).%n%n", PREFIX, seconds(sinceLaunch)));
    for (RunningService service : services) {
      String url = service.baseUrl();
      summary.append(String.format("  %-18s %s%n", service.service().name(), url));
      if (service.service().hasDatabase()) {
        summary.append(String.format("    %-16s %s/swagger-ui.html%n", "Swagger UI", url));
        summary.append(String.format("    %-16s %s/v3/api-docs%n", "OpenAPI", url));
      } else {
        summary.append(String.format("    %-16s %s/%n", "public page", url));
        summary.append(String.format("    %-16s %s/live%n", "live updates", url));
      }
      summary.append(String.format("    %-16s %s/actuator/health%n", "health", url));
    }
    summary.append(
        String.format(
            "  %-18s %s (%s)%n", "Kafka bootstrap", kafkaBootstrapServers, kafkaDescription));
    summary.append(
        String.format("  %-18s %s (%s)%n", "MongoDB", withoutPassword(mongoUri), mongoDescription));
    if (devIssuer != null) {
      String tokens = devIssuer.issuer() + "/dev/token";
      summary.append(
          String.format("  %-18s %s (development only)%n", "token issuer", devIssuer.issuer()));
      summary.append(
          String.format(
              "%n  Every write needs a bearer token. Get one per role from the development issuer:%n"
                  + "    curl -s '%s?role=ORGANISER'%n"
                  + "    curl -s '%s?role=PROBLEM_OWNER&organisation=Liverpool%%20City%%20Council'%n"
                  + "    curl -s '%s?role=SME'                 (mints a new sme_id)%n"
                  + "    curl -s '%s?role=JUDGE&judge_id=<id from POST /api/judges>'%n"
                  + "  and send it as 'Authorization: Bearer <access_token>'.%n",
              tokens, tokens, tokens, tokens));
    }
    summary.append(
        embedsAnything()
            ? String.format("%n  Stop with Ctrl+C; data is kept in %s.%n", dataDir)
            : String.format("%n  Stop with Ctrl+C.%n"));
    out.print(summary);
    out.flush();
  }

  /**
   * Stops services first (they still publish and commit while closing), then Kafka, then MongoDB,
   * whose backend writes everything to its file as it closes. Safe to call more than once.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (started.isEmpty()) {
        return;
      }
      long begin = System.nanoTime();
      while (!started.isEmpty()) {
        Started next = started.pop();
        progress("stopping %s", next.name());
        try {
          next.component().close();
        } catch (Exception e) {
          progress("stopping %s failed: %s", next.name(), e);
        }
      }
      progress("stopped in %s", since(begin));
    }
  }

  boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** The base URL of a running service, e.g. {@code http://127.0.0.1:8081}. */
  String serviceUrl(String name) {
    return services.stream()
        .filter(running -> running.service().name().equals(name))
        .findFirst()
        .map(RunningService::baseUrl)
        .orElseThrow(() -> new IllegalArgumentException("no running service " + name));
  }

  /** The development issuer's base URL, for tokens; absent when an external issuer is trusted. */
  String tokenIssuerUrl() {
    if (devIssuer == null) {
      throw new IllegalStateException(
          "the demo round needs the development issuer, which does not run with WYP_JWT_ISSUER");
    }
    return devIssuer.issuer();
  }

  String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  private void progress(String format, Object... args) {
    out.println(PREFIX + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  private static String since(long nanoTime) {
    return seconds(Duration.ofNanos(System.nanoTime() - nanoTime));
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** A URI fit to print: {@code mongodb://user:secret@host} becomes {@code user:****@host}. */
  static String withoutPassword(String uri) {
    return uri.replaceFirst("(://[^:/@]+:)[^@/]*@", "$1****@");
  }
}
