package org.wyp.localstack;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.wyp.kit.testing.Http;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus server (Debian's {@code prometheus} binary) run by a test: the repository's
 * scrape configuration and alert rules, with every scrape target moved to where the local stack
 * runs that service, a short interval and storage in a directory of the test's own.
 */
final class LocalPrometheus implements AutoCloseable {

  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;
  private final Http http;
  private final Thread stopOnExit;

  private LocalPrometheus(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.http = Http.localhost(port);
    // Should the test JVM end without the test's teardown, the server still goes with it.
    this.stopOnExit = new Thread(this::stop, "stop-prometheus");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Prometheus ended while it was expected to start, typically over its configuration. */
  static final class Exited extends IllegalStateException {
    Exited(String log) {
      super("prometheus exited: " + log);
    }
  }

  /** The directory on {@code PATH} that holds an executable {@code name}, if any. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir).resolve(name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Starts Prometheus on 127.0.0.1:{@code port} with {@code config} (written by {@link #configFor})
   * and waits until it is ready to answer queries.
   */
  static LocalPrometheus start(Path binary, Path config, Path workDir, int port)
      throws IOException {
    Path log = workDir.resolve("prometheus.log");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LocalPrometheus prometheus = new LocalPrometheus(process, log, port);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          // Refused connections while it starts; but not its exit, which no waiting mends.
          .ignoreExceptionsMatching(e -> !(e instanceof Exited))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new Exited(prometheus.log());
                }
                return prometheus.http.get("/-/ready").status() == 200;
              });
    } catch (RuntimeException e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  /**
   * The repository's configuration for a test: the same jobs and rule files, with each static
   * target {@code <host>:<port>} replaced by the address {@code addresses} gives for it (targets it
   * gives none for are left out, with their job if it has none left), rule files by absolute paths,
   * and every interval {@link #SCRAPE_INTERVAL}. Every job scrapes with the given bearer token
   * (written to a file beside the configuration, where the repository's jobs name a file of their
   * own): the services' metrics need the OPS role.
   *
   * @param addresses the address a target of the repository's configuration has in the test
   * @param opsToken a token with the OPS role from the stack's issuer
   */
  @SuppressWarnings("unchecked")
  static Config configFor(
      Path repositoryConfig,
      Function<String, Optional<String>> addresses,
      String opsToken,
      Path dir)
      throws IOException {
    Path tokenFile = dir.resolve("ops-token");
    Files.writeString(tokenFile, opsToken);
    Map<String, Object> config = new Yaml().load(Files.readString(repositoryConfig));
    String interval = SCRAPE_INTERVAL.toSeconds() + "s";
    Map<String, Object> global =
        new LinkedHashMap<>((Map<String, Object>) config.getOrDefault("global", Map.of()));
    global.put("scrape_interval", interval);
    global.put("scrape_timeout", interval);
    global.put("evaluation_interval", interval);
    config.put("global", global);

    Path rulesDir = repositoryConfig.toAbsolutePath().normalize().getParent();
    List<String> ruleFiles = new ArrayList<>();
    for (Object ruleFile : (List<Object>) config.getOrDefault("rule_files", List.of())) {
      ruleFiles.add(rulesDir.resolve(String.valueOf(ruleFile)).toString());
    }
    config.put("rule_files", ruleFiles);

    List<String> kept = new ArrayList<>();
    List<Object> jobs = new ArrayList<>();
    for (Object jobConfig : (List<Object>) config.getOrDefault("scrape_configs", List.of())) {
      Map<String, Object> job = new LinkedHashMap<>((Map<String, Object>) jobConfig);
      job.remove("scrape_interval");
      job.remove("scrape_timeout");
      job.put(
          "authorization",
          Map.of("type", "Bearer", "credentials_file", tokenFile.toAbsolutePath().toString()));
      List<Object> staticConfigs = new ArrayList<>();
      for (Object staticConfig : (List<Object>) job.getOrDefault("static_configs", List.of())) {
        Map<String, Object> group = new LinkedHashMap<>((Map<String, Object>) staticConfig);
        List<String> targets = new ArrayList<>();
        for (Object target : (List<Object>) group.getOrDefault("targets", List.of())) {
          addresses.apply(String.valueOf(target)).ifPresent(targets::add);
        }
        if (!targets.isEmpty()) {
          group.put("targets", targets);
          staticConfigs.add(group);
          kept.addAll(targets);
        }
      }
      if (!staticConfigs.isEmpty()) {
        job.put("static_configs", staticConfigs);
        jobs.add(job);
      }
    }
    config.put("scrape_configs", jobs);

    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, new Yaml(options).dump(config));
    return new Config(file, kept);
  }

  /** A configuration written for a test, and the targets it scrapes ({@code host:port}). */
  record Config(Path file, List<String> targets) {}

  /** The answer of {@code /api/v1/query} for {@code expression}, evaluated now. */
  JsonNode query(String expression) {
    return http.get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8))
        .json();
  }

  /** The {@code data} of a GET on the HTTP API, e.g. {@code /api/v1/targets}. */
  JsonNode api(String path) {
    return http.get(path).json().path("data");
  }

  /** What Prometheus has logged so far (warnings and errors). */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException alreadyExiting) {
      // The JVM is exiting and runs the hook itself.
    }
  }

  /** SIGTERM, which Prometheus answers by flushing and exiting; SIGKILL if it does not. */
  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
