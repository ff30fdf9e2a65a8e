package org.wyp.bench.stack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wyp.localstack.FreePorts;

/**
 * The local stack as its users run it, {@code bin/local-stack}, in a process of its own on free
 * ports with a data directory of its own: what the benchmarks measure is the platform, not the load
 * generator sharing its JVM.
 */
public final class StackProcess implements AutoCloseable {

  /** The services in start order, as {@code bin/local-stack} names them and their port options. */
  public static final List<String> SERVICES =
      List.of("problem-service", "submission-service", "judging-service", "award-service", "web");

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Map<String, String> serviceUrls;
  private final int kafkaPort;
  private final int mongoPort;
  private final int issuerPort;
  private final Path log;
  private final Path dataDir;
  private Duration readyAfter;

  private StackProcess(
      Process process,
      Map<String, String> serviceUrls,
      int kafkaPort,
      int mongoPort,
      int issuerPort,
      Path log,
      Path dataDir) {
    this.process = process;
    this.serviceUrls = serviceUrls;
    this.kafkaPort = kafkaPort;
    this.mongoPort = mongoPort;
    this.issuerPort = issuerPort;
    this.log = log;
    this.dataDir = dataDir;
  }

  /**
   * Starts {@code bin/local-stack} from the project at {@code root} and returns once every service
   * answers its readiness probe (the web front only once it has read the update topic).
   *
   * @param environment extra environment for the script, e.g. {@code JAVA_OPTS}
   */
  public static StackProcess start(Path root, Path dataDir, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<Integer> ports = FreePorts.take(4 + SERVICES.size());
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/local-stack").toString());
    command.add("--data-dir=" + dataDir);
    command.add("--kafka-port=" + ports.get(0));
    command.add("--kafka-controller-port=" + ports.get(1));
    command.add("--mongo-port=" + ports.get(2));
    command.add("--issuer-port=" + ports.get(3));
    Map<String, String> urls = new LinkedHashMap<>();
    for (int i = 0; i < SERVICES.size(); i++) {
      int port = ports.get(4 + i);
      command.add("--" + SERVICES.get(i) + "-port=" + port);
      urls.put(SERVICES.get(i), "http://127.0.0.1:" + port);
    }
    Files.createDirectories(dataDir);
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The stack embeds its own infrastructure and development issuer, whatever this shell says.
    builder.environment().keySet().removeAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI"));
    builder.environment().remove("WYP_JWT_ISSUER");
    // JAVA_OPTS is the bench's own; the stack's JVM options (a JFR recording, say) come apart.
    builder.environment().remove("JAVA_OPTS");
    Optional.ofNullable(System.getenv("BENCH_STACK_JAVA_OPTS"))
        .ifPresent(options -> builder.environment().put("JAVA_OPTS", options));
    builder.environment().putAll(environment);
    long begin = System.nanoTime();
    Process process = builder.start();
    // Ctrl+C on the benchmarks stops the stack too, as its own Ctrl+C would.
    Thread stopper = new Thread(process::destroy, "stop-local-stack");
    Runtime.getRuntime().addShutdownHook(stopper);
    StackProcess stack =
        new StackProcess(process, urls, ports.get(0), ports.get(2), ports.get(3), log, dataDir);
    try {
      stack.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      stack.close();
      throw e;
    }
    stack.readyAfter = Duration.ofNanos(System.nanoTime() - begin);
    return stack;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    for (String service : SERVICES) {
      URI probe = URI.create(serviceUrls.get(service) + "/actuator/health/readiness");
      while (!answersOk(probe)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the local stack exited with " + process.exitValue() + "; see " + log);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              service + " not ready in " + READY_TIMEOUT + "; see " + log);
        }
        Thread.sleep(20);
      }
    }
  }

  private static boolean answersOk(URI uri) throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** From launching the script to every service ready. */
  public Duration readyAfter() {
    return readyAfter;
  }

  public String url(String service) {
    return serviceUrls.get(service);
  }

  public Map<String, String> serviceUrls() {
    return Map.copyOf(serviceUrls);
  }

  public String issuerUrl() {
    return "http://127.0.0.1:" + issuerPort;
  }

  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  public String mongoUri() {
    return "mongodb://127.0.0.1:" + mongoPort;
  }

  /** The stack's resident memory now, in bytes (the script execs the JVM: same process). */
  public long residentBytes() throws IOException {
    return procStatus("VmRSS:");
  }

  /** The most resident memory the stack has had so far, in bytes. */
  public long peakResidentBytes() throws IOException {
    return procStatus("VmHWM:");
  }

  private long procStatus(String field) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(field)) {
        String kilobytes = line.substring(field.length()).strip().split("\\s+")[0];
        return Long.parseLong(kilobytes) * 1024;
      }
    }
    throw new IOException(field + " missing from /proc/" + process.pid() + "/status");
  }

  /** Stops the stack as Ctrl+C would (its shutdown hook stops everything in order). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    // The broker's log and the database files are large; the stack's own log stays beside them.
    try (Stream<Path> paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      System.err.println("[bench] could not delete " + dataDir + ": " + e.getMessage());
    }
  }
}
