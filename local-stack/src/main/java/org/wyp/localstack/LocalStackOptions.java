package org.wyp.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack is told on its command line and in its environment.
 *
 * @param dataDir where the embedded Kafka and MongoDB keep their data
 * @param kafkaPort the embedded broker's client port
 * @param kafkaControllerPort the embedded broker's KRaft controller port
 * @param mongoPort the embedded MongoDB wire server's port
 * @param servicePorts each service's HTTP port by service name; 0 picks a free port
 * @param externalKafka bootstrap servers of a Kafka to use instead of starting one
 * @param externalMongoUri URI of a MongoDB to use instead of starting one
 * @param issuerPort the development token issuer's port
 * @param externalIssuer an identity provider's issuer to trust instead of starting the development
 *     one; its keys at {@code externalJwkSetUri}, else at {@code <issuer>/oauth2/jwks}
 * @param externalJwkSetUri the external issuer's JWKS URL
 * @param demoPace when present, play the demo round once started, pausing this long between two
 *     finals scores
 * @param aotTraining whether to start once on free ports with a throwaway data directory, stop and
 *     exit: the run bin/local-stack records the JVM's ahead-of-time cache from
 * @param help whether only the usage was asked for
 */
record LocalStackOptions(
    Path dataDir,
    int kafkaPort,
    int kafkaControllerPort,
    int mongoPort,
    Map<String, Integer> servicePorts,
    Optional<String> externalKafka,
    Optional<String> externalMongoUri,
    int issuerPort,
    Optional<String> externalIssuer,
    Optional<String> externalJwkSetUri,
    Optional<Duration> demoPace,
    boolean aotTraining,
    boolean help) {

  static final int DEFAULT_KAFKA_PORT = 9092;
  static final int DEFAULT_MONGO_PORT = 27017;
  static final int DEFAULT_ISSUER_PORT = 9000;
  static final Duration DEFAULT_DEMO_PACE = Duration.ofMillis(1500);

  LocalStackOptions {
    servicePorts = Map.copyOf(servicePorts);
  }

  /**
   * Reads {@code --name=value} options; anything unknown or malformed is an {@link
   * IllegalArgumentException} whose message says what was wrong.
   */
  static LocalStackOptions parse(
      String[] args, Map<String, String> env, List<PlatformService> services) {
    Path dataDir = Path.of(env("WYP_DATA_DIR", env).orElse("data"));
    int kafkaPort = DEFAULT_KAFKA_PORT;
    Integer kafkaControllerPort = null;
    int mongoPort = DEFAULT_MONGO_PORT;
    int issuerPort = DEFAULT_ISSUER_PORT;
    Map<String, Integer> servicePorts = new LinkedHashMap<>();
    services.forEach(service -> servicePorts.put(service.name(), service.port()));
    boolean help = false;
    boolean aotTraining = false;
    Duration demoPace = null;

    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (arg.equals("--aot-training")) {
        aotTraining = true;
        continue;
      }
      if (arg.equals("--demo")) {
        demoPace = demoPace == null ? DEFAULT_DEMO_PACE : demoPace;
        continue;
      }
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException(
            "unknown option '" + arg + "' (options are written --name=value)");
      }
      String name = arg.substring(2, equals);
      String value = arg.substring(equals + 1);
      switch (name) {
        case "data-dir" -> dataDir = Path.of(nonBlank(name, value));
        case "kafka-port" -> kafkaPort = port(name, value, false);
        case "kafka-controller-port" -> kafkaControllerPort = port(name, value, false);
        case "mongo-port" -> mongoPort = port(name, value, false);
        case "issuer-port" -> issuerPort = port(name, value, false);
        case "demo-pace" -> demoPace = seconds(name, value);
        default -> {
          PlatformService service =
              services.stream()
                  .filter(candidate -> candidate.portOption().equals(name))
                  .findFirst()
                  .orElseThrow(
                      () -> new IllegalArgumentException("unknown option '--" + name + "'"));
          servicePorts.put(service.name(), port(name, value, true));
        }
      }
    }
    return new LocalStackOptions(
        dataDir,
        kafkaPort,
        kafkaControllerPort == null ? kafkaPort + 1 : kafkaControllerPort,
        mongoPort,
        servicePorts,
        env("KAFKA_BOOTSTRAP_SERVERS", env),
        env("MONGODB_URI", env),
        issuerPort,
        env("WYP_JWT_ISSUER", env),
        env("WYP_JWT_JWK_SET_URI", env),
        Optional.ofNullable(demoPace),
        aotTraining,
        help);
  }

  /**
   * Options for the broker, its controller, the wire server, the token issuer and every service on
   * ports free right now, keeping data in {@code dataDir}, and no external infrastructure.
   */
  static LocalStackOptions onFreePorts(Path dataDir, List<PlatformService> services)
      throws IOException {
    List<Integer> ports = FreePorts.take(4 + services.size());
    List<String> args = new ArrayList<>();
    args.add("--data-dir=" + dataDir);
    args.add("--kafka-port=" + ports.get(0));
    args.add("--kafka-controller-port=" + ports.get(1));
    args.add("--mongo-port=" + ports.get(2));
    args.add("--issuer-port=" + ports.get(3));
    for (int i = 0; i < services.size(); i++) {
      args.add("--" + services.get(i).portOption() + "=" + ports.get(4 + i));
    }
    return parse(args.toArray(String[]::new), Map.of(), services);
  }

  static String usage(List<PlatformService> services) {
    StringBuilder usage =
        new StringBuilder(
            """
            Usage: bin/local-stack [options]

            Runs the whole platform in one process: a Kafka broker (KRaft), the MongoDB wire
            server (H2 file backend) and every service, keeping data in the data directory.

            Options:
              --data-dir=PATH             data directory (default: $WYP_DATA_DIR, else ./data)
              --kafka-port=N              Kafka client port (default: 9092)
              --kafka-controller-port=N   Kafka KRaft controller port (default: Kafka port + 1)
              --mongo-port=N              MongoDB wire server port (default: 27017)
              --issuer-port=N             development token issuer port (default: 9000)
            """);
    for (PlatformService service : services) {
      usage.append(
          String.format(
              "  --%-26s%s HTTP port (default: %d; 0 picks a free port)%n",
              service.portOption() + "=N", service.name(), service.port()));
    }
    usage.append(
        """
          --demo                      once started, play a demo round through the APIs: watch it
                                      at http://localhost:8080
          --demo-pace=SECONDS         the demo with this pause between two finals scores
                                      (default: 1.5; 0 plays it as fast as it can)
          --aot-training              start once on free ports with a throwaway data directory,
                                      then stop (bin/local-stack records the JVM's
                                      ahead-of-time cache from this run)
          -h, --help                  show this help

        Environment:
          KAFKA_BOOTSTRAP_SERVERS     use this Kafka instead of starting one
          MONGODB_URI                 use this MongoDB instead of starting one
          WYP_JWT_ISSUER              trust this identity provider instead of starting the
                                      development issuer (keys at WYP_JWT_JWK_SET_URI, else at
                                      $WYP_JWT_ISSUER/oauth2/jwks)
          WYP_DATA_DIR                default for --data-dir
        """);
    return usage.toString();
  }

  private static Optional<String> env(String name, Map<String, String> env) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static String nonBlank(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " needs a value");
    }
    return value;
  }

  private static Duration seconds(String name, String value) {
    try {
      BigDecimal seconds = new BigDecimal(value);
      if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(60)) > 0) {
        throw new IllegalArgumentException("--" + name + " must be between 0 and 60 seconds");
      }
      return Duration.ofMillis(seconds.movePointRight(3).longValue());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " needs a number of seconds such as 1.5, not '" + value + "'");
    }
  }

  private static int port(String name, String value, boolean zeroAllowed) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " needs a port number, not '" + value + "'");
    }
    if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
      throw new IllegalArgumentException(
          "--" + name + " must be between " + (zeroAllowed ? 0 : 1) + " and 65535");
    }
    return port;
  }
}
