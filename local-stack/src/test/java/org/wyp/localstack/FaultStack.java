package org.wyp.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.wyp.kit.testing.Http;
import org.wyp.localstack.PlatformServices.RunningService;
import org.wyp.localstack.PlatformServices.TokenIssuer;

/**
 * The local stack's parts, assembled so that a fault-injection test can break them one at a time:
 * the same embedded broker, wire server, token issuer and service contexts {@link LocalStack} runs,
 * but with the broker restartable on its ports and data, and services startable again, twice at
 * once (a second instance in the same consumer group and database), or in a JVM of their own that
 * can be killed with SIGKILL.
 */
public final class FaultStack implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(120);

  /**
   * A killed instance stays a consumer group member until its session times out (45 s by default,
   * holding its partitions that long); a service in its own JVM, the one a test kills, is declared
   * dead after 6 s, the least the broker allows, so the test need not wait out the default.
   */
  private static final String KILLABLE_SESSION_TIMEOUT_MS = "6000";

  private final Path dataDir;
  private final int kafkaPort;
  private final int controllerPort;
  private final Map<String, Integer> ports;
  private final EmbeddedMongoServer mongo;
  private final DevIssuer issuer;
  private final List<AutoCloseable> running = new CopyOnWriteArrayList<>();
  private final Map<String, InJvm> first = new LinkedHashMap<>();
  private volatile EmbeddedKafkaBroker kafka;

  private FaultStack(
      Path dataDir,
      int kafkaPort,
      int controllerPort,
      Map<String, Integer> ports,
      EmbeddedMongoServer mongo,
      DevIssuer issuer) {
    this.dataDir = dataDir;
    this.kafkaPort = kafkaPort;
    this.controllerPort = controllerPort;
    this.ports = ports;
    this.mongo = mongo;
    this.issuer = issuer;
  }

  /** One copy of a service, whichever way it runs. */
  public interface Instance extends AutoCloseable {
    String name();

    String baseUrl();

    @Override
    void close();
  }

  /** A service as its own Spring context in this JVM, as the local stack runs it. */
  public static final class InJvm implements Instance {
    private final RunningService service;

    private InJvm(RunningService service) {
      this.service = service;
    }

    @Override
    public String name() {
      return service.service().name();
    }

    @Override
    public String baseUrl() {
      return service.baseUrl();
    }

    public ConfigurableApplicationContext context() {
      return service.context();
    }

    /** An orderly stop: listeners commit what they processed, the relay finishes its pass. */
    @Override
    public void close() {
      service.close();
    }
  }

  /** A service in a JVM of its own, started from this JVM's class path. */
  public static final class OwnJvm implements Instance {
    private final String name;
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private OwnJvm(String name, Process process, String baseUrl, Path log) {
      this.name = name;
      this.process = process;
      this.baseUrl = baseUrl;
      this.log = log;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String baseUrl() {
      return baseUrl;
    }

    public long pid() {
      return process.pid();
    }

    public Path log() {
      return log;
    }

    /** SIGKILL: no shutdown hook, no commit, no last relay pass; the JVM is simply gone. */
    public void kill() {
      process.destroyForcibly();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        kill();
      }
    }
  }

  /**
   * Starts MongoDB, the broker and the token issuer on free ports with their data under {@code
   * dataDir}, then every service in this JVM on a free port of its own.
   */
  public static FaultStack start(Path dataDir) throws Exception {
    List<PlatformService> services = PlatformServices.ALL;
    List<Integer> free = FreePorts.take(4 + services.size());
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (int i = 0; i < services.size(); i++) {
      ports.put(services.get(i).name(), free.get(4 + i));
    }
    EmbeddedMongoServer mongo =
        EmbeddedMongoServer.start(dataDir.resolve("mongo").resolve("wyp.mv"), free.get(2));
    DevIssuer issuer;
    try {
      issuer = DevIssuer.start(dataDir.resolve("issuer"), free.get(3));
    } catch (IOException | RuntimeException e) {
      mongo.close();
      throw e;
    }
    FaultStack stack = new FaultStack(dataDir, free.get(0), free.get(1), ports, mongo, issuer);
    try {
      stack.startBroker();
      for (PlatformService service : services) {
        stack.restartInJvm(service.name());
      }
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  public String mongoUri() {
    return mongo.connectionString();
  }

  public String issuerUrl() {
    return issuer.issuer();
  }

  /** The service's own port: the first instance's, kept when it is started again. */
  public String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  /** Base URL by service name, as {@code DemoRound} takes them. */
  public Map<String, String> serviceUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    ports.keySet().forEach(name -> urls.put(name, url(name)));
    return urls;
  }

  /** The instance the stack started in this JVM on the service's own port. */
  public InJvm instance(String service) {
    InJvm instance = first.get(service);
    if (instance == null) {
      throw new IllegalArgumentException(service + " was not started in this JVM");
    }
    return instance;
  }

  /** Each service's database name, from its own settings file. */
  public Map<String, String> databases() throws IOException {
    Map<String, String> databases = new LinkedHashMap<>();
    for (PlatformService service : PlatformServices.ALL) {
      Properties settings = new Properties();
      try (InputStream in =
          service.application().getResourceAsStream("/" + service.name() + ".properties")) {
        if (in != null) {
          settings.load(in);
        }
      }
      String database = settings.getProperty("spring.mongodb.database");
      if (database != null) {
        databases.put(service.name(), database);
      }
    }
    return databases;
  }

  /** A controlled broker shutdown; clients keep retrying until {@link #startBroker()}. */
  public synchronized void stopBroker() {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  /** Starts the broker on its ports and data again (or for the first time). */
  public synchronized void startBroker() throws Exception {
    if (kafka == null) {
      kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
    }
  }

  /**
   * Starts an instance of {@code service} in this JVM: on {@code port}, or with 0 on a free port as
   * a second instance beside the first (same consumer group, same database).
   */
  public InJvm startInJvm(String service, int port) {
    InJvm instance =
        new InJvm(
            PlatformServices.start(
                platformService(service),
                port,
                bootstrapServers(),
                mongoUri(),
                new TokenIssuer(issuer.issuer(), issuer.jwkSetUri())));
    running.add(instance);
    if (port == ports.get(service)) {
      first.put(service, instance);
    }
    return instance;
  }

  /** Starts {@code service} in this JVM on its own port: again, after it was stopped or killed. */
  public InJvm restartInJvm(String service) {
    return startInJvm(service, ports.get(service));
  }

  /**
   * Starts {@code service} on its own port in a JVM of its own, from this JVM's class path and with
   * the same arguments the local stack gives it, and waits until it is healthy. Its output goes to
   * a log file under the data directory.
   */
  public OwnJvm startInOwnJvm(String service) throws IOException {
    PlatformService platformService = platformService(service);
    int port = ports.get(service);
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx512m");
    // Start-up speed over peak performance: the instance lives for seconds.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(platformService.application().getName());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--spring.kafka.bootstrap-servers=" + bootstrapServers());
    command.add("--spring.mongodb.uri=" + mongoUri());
    command.add("--wyp.security.jwt.issuer=" + issuer.issuer());
    command.add("--wyp.security.jwt.jwk-set-uri=" + issuer.jwkSetUri());
    command.add("--spring.main.banner-mode=off");
    command.add(
        "--spring.kafka.consumer.properties.session.timeout.ms=" + KILLABLE_SESSION_TIMEOUT_MS);
    command.add("--spring.kafka.consumer.properties.heartbeat.interval.ms=1000");
    Path log = Files.createTempFile(dataDir, service + "-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    OwnJvm instance = new OwnJvm(service, process, url(service), log);
    running.add(instance);
    try {
      Http http = new Http(instance.baseUrl());
      await("%s in its own JVM (log %s)".formatted(service, log))
          .atMost(READY)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new AssertionError(
                      service + " exited with " + process.exitValue() + "; see " + log);
                }
                Http.Response health = http.get("/actuator/health");
                return health.status() == 200 && "UP".equals(health.text("status"));
              });
    } catch (RuntimeException | Error e) {
      instance.close();
      throw e;
    }
    return instance;
  }

  private static PlatformService platformService(String name) {
    return PlatformServices.ALL.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  /** Stops services (newest first), then the broker, the issuer and MongoDB. */
  @Override
  public void close() {
    List<AutoCloseable> instances = new ArrayList<>(running);
    for (int i = instances.size() - 1; i >= 0; i--) {
      try {
        instances.get(i).close();
      } catch (Exception e) {
        System.err.println("[fault-stack] stopping an instance failed: " + e);
      }
    }
    try {
      stopBroker();
    } catch (RuntimeException e) {
      System.err.println("[fault-stack] stopping the broker failed: " + e);
    }
    issuer.close();
    mongo.close();
  }
}
