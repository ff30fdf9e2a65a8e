package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka security set-up of {@code deploy/docker-compose.yml} read as data, the way Docker
 * Compose and the {@code apache/kafka} image read it: the broker's settings, the JAAS file its
 * start script writes, the users, topics and ACLs {@code kafka-init} creates, and each service's
 * client settings.
 */
final class ComposeKafka {

  /** Surefire runs in the module directory; deploy/ is beside it. */
  static final Path DEPLOY = Path.of("..", "deploy");

  static final Path KAFKA = DEPLOY.resolve("kafka");

  static final Path COMPOSE = DEPLOY.resolve("docker-compose.yml");

  /** The compose service of the broker, and of the one-shot set-up that runs as its admin. */
  static final String BROKER = "kafka";

  static final String INIT = "kafka-init";

  /** The placeholder the JAAS template holds where start-broker.sh writes the admin password. */
  static final String ADMIN_PASSWORD_PLACEHOLDER = "@ADMIN_PASSWORD@";

  /**
   * Variables the image's scripts read themselves rather than render into server.properties ({@code
   * docker/resources/common-scripts/kafka-propertiesSpec.json} in apache/kafka).
   */
  static final Set<String> IMAGE_EXCLUDED_VARIABLES =
      Set.of(
          "KAFKA_VERSION",
          "KAFKA_HEAP_OPT",
          "KAFKA_LOG4J_OPTS",
          "KAFKA_OPTS",
          "KAFKA_JMX_OPTS",
          "KAFKA_JVM_PERFORMANCE_OPTS",
          "KAFKA_GC_LOG_OPTS",
          "KAFKA_LOG4J_ROOT_LOGLEVEL",
          "KAFKA_LOG4J_LOGGERS",
          "KAFKA_TOOLS_LOG4J_LOGLEVEL");

  /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, or an escaped $$. */
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}");

  private static final Pattern JAAS_SECTION =
      Pattern.compile("([A-Za-z0-9_-]+)\\.KafkaServer\\s*\\{(.*?)}\\s*;", Pattern.DOTALL);

  private ComposeKafka() {}

  /** One line of {@code deploy/kafka/acls.txt}: an allow ACL on a literal resource name. */
  record Acl(String principal, String operation, String resourceType, String name) {

    /** The line's meaning in a form easy to compare: {@code WRITE topic wyp.rounds.v1}. */
    String grant() {
      return operation + " " + resourceType + " " + name;
    }
  }

  /** One line of {@code deploy/kafka/topics.txt}: a topic and its topic-level configs. */
  record TopicSpec(String name, Map<String, String> configs) {}

  // --- compose ---

  static Map<String, Object> composeFile() {
    return map(new Yaml().load(read(COMPOSE)));
  }

  static Map<String, Object> composeService(String name) {
    Map<String, Object> services = map(composeFile().get("services"));
    assertThat(services).as("compose services").containsKey(name);
    return map(services.get(name));
  }

  /** A compose service's environment as written, before interpolation (merge keys applied). */
  static Map<String, String> rawEnvironment(String service) {
    Object environment = composeService(service).get("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment instanceof List<?> entries) {
      for (Object entry : entries) {
        String[] parts = String.valueOf(entry).split("=", 2);
        variables.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    } else if (environment != null) {
      map(environment).forEach((name, value) -> variables.put(name, String.valueOf(value)));
    }
    return variables;
  }

  /**
   * A compose service's environment as its container sees it when nothing is set in the shell or in
   * {@code deploy/.env}: every {@code ${NAME:-default}} is its default.
   */
  static Map<String, String> environment(String service) {
    Map<String, String> variables = new LinkedHashMap<>();
    rawEnvironment(service).forEach((name, value) -> variables.put(name, interpolate(value)));
    return variables;
  }

  /**
   * Docker Compose's interpolation with an empty environment; a variable without a default fails.
   */
  static String interpolate(String value) {
    Matcher matcher = INTERPOLATION.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group().equals("$$")) {
        replacement = "$";
      } else {
        assertThat(matcher.group(2))
            .as("a default for ${%s} in %s", matcher.group(1), value)
            .isNotNull();
        replacement = matcher.group(3);
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** The default of a value that is exactly one {@code ${NAME:-default}}, by its variable. */
  static Map.Entry<String, String> variableWithDefault(String value) {
    Matcher matcher = INTERPOLATION.matcher(value);
    assertThat(matcher.matches()).as("%s is one ${NAME:-default}", value).isTrue();
    assertThat(matcher.group(2)).as("a default in %s", value).isEqualTo(":-");
    return Map.entry(matcher.group(1), matcher.group(3));
  }

  /** Every variable the compose file interpolates, with the defaults it gives them. */
  static Map<String, Set<String>> composeVariables() {
    Matcher matcher = INTERPOLATION.matcher(read(COMPOSE));
    Map<String, Set<String>> defaults = new LinkedHashMap<>();
    while (matcher.find()) {
      if (matcher.group(1) != null) {
        defaults
            .computeIfAbsent(matcher.group(1), name -> new TreeSet<>())
            .add(matcher.group(3) == null ? "" : matcher.group(3));
      }
    }
    return defaults;
  }

  /**
   * Spring Boot's Kafka settings of a service started with {@code environment}: bound, as the
   * service binds them, from that environment (relaxed binding), the service's own settings file
   * and, for a service on the kit, the kit's defaults, placeholders resolved.
   */
  static KafkaProperties kafkaProperties(PlatformService service, Map<String, String> environment) {
    MutablePropertySources sources = new MutablePropertySources();
    // Boot maps NAME_LIKE_THIS to name.like.this only for a source with this name.
    sources.addLast(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new LinkedHashMap<String, Object>(environment)));
    sources.addLast(settings(service.name() + ".properties"));
    if (service.hasDatabase()) {
      sources.addLast(settings("wyp-kit-defaults.properties"));
    }
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(sources));
    return binder.bindOrCreate("spring.kafka", KafkaProperties.class);
  }

  private static PropertiesPropertySource settings(String file) {
    try (InputStream in = ComposeKafka.class.getClassLoader().getResourceAsStream(file)) {
      assertThat(in).as("settings file %s on the class path", file).isNotNull();
      Properties properties = new Properties();
      properties.load(in);
      return new PropertiesPropertySource(file, properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- the broker ---

  /**
   * The server.properties the apache/kafka image renders from a container's environment: every
   * {@code KAFKA_*} variable but the excluded ones, with the prefix dropped, {@code ___} as {@code
   * -}, {@code __} as {@code _}, {@code _} as {@code .}, in lower case. (The image drops a variable
   * whose value contains {@code =}; {@link #variablesTheImageDrops} finds those.)
   */
  static Map<String, String> brokerProperties(Map<String, String> environment) {
    Map<String, String> properties = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("KAFKA_") && !IMAGE_EXCLUDED_VARIABLES.contains(name)) {
            properties.put(propertyName(name.substring("KAFKA_".length())), value);
          }
        });
    return properties;
  }

  /** {@code ConvertKey} of the image's utility, for names without runs of four underscores. */
  static String propertyName(String variable) {
    return variable
        .replace("___", "\u0000")
        .replace("__", "\u0001")
        .replace('_', '.')
        .replace('\u0000', '-')
        .replace('\u0001', '_')
        .toLowerCase(Locale.ROOT);
  }

  /**
   * {@code KAFKA_*} variables the image would silently leave out of server.properties: it splits
   * each {@code NAME=value} of the environment at every {@code =} and keeps only two-part ones.
   */
  static List<String> variablesTheImageDrops(Map<String, String> environment) {
    return environment.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("KAFKA_"))
        .filter(entry -> !IMAGE_EXCLUDED_VARIABLES.contains(entry.getKey()))
        .filter(entry -> entry.getValue().contains("="))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** {@code NAME://host:port,...} as listener name to {@code host:port}. */
  static Map<String, String> listeners(String value) {
    Map<String, String> listeners = new LinkedHashMap<>();
    for (String listener : value.split(",")) {
      String[] parts = listener.trim().split("://", 2);
      listeners.put(parts[0], parts[1]);
    }
    return listeners;
  }

  static int port(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }

  /** The SASL mechanisms a listener accepts (its listener.name.*.sasl.enabled.mechanisms). */
  static List<String> mechanisms(Map<String, String> brokerProperties, String listener) {
    String value =
        brokerProperties.get(
            "listener.name." + listener.toLowerCase(Locale.ROOT) + ".sasl.enabled.mechanisms");
    return value == null ? List.of() : List.of(value.split(","));
  }

  /**
   * The JAAS file start-broker.sh writes, one entry per {@code <listener>.KafkaServer} section:
   * listener name (lower case) to the section's login module, flag and options, as a {@code
   * sasl.jaas.config} value.
   */
  static Map<String, String> jaasSections(String adminPassword) {
    String template = read(KAFKA.resolve("kafka_server_jaas.conf.template"));
    String text =
        template
            .lines()
            .filter(line -> !line.strip().startsWith("//"))
            .collect(Collectors.joining("\n"))
            .replace(ADMIN_PASSWORD_PLACEHOLDER, adminPassword);
    Map<String, String> sections = new LinkedHashMap<>();
    Matcher matcher = JAAS_SECTION.matcher(text);
    while (matcher.find()) {
      sections.put(matcher.group(1), matcher.group(2).strip().replaceAll("\\s+", " "));
    }
    return sections;
  }

  // --- what kafka-init creates ---

  static List<Acl> acls() {
    List<Acl> acls = new ArrayList<>();
    for (String[] row : rows(KAFKA.resolve("acls.txt"))) {
      assertThat(row).as("acls.txt row %s", String.join(" ", row)).hasSize(4);
      acls.add(new Acl(row[0], row[1], row[2], row[3]));
    }
    return acls;
  }

  static List<TopicSpec> topics() {
    List<TopicSpec> topics = new ArrayList<>();
    for (String[] row : rows(KAFKA.resolve("topics.txt"))) {
      Map<String, String> configs = new LinkedHashMap<>();
      for (int i = 1; i < row.length; i++) {
        String[] setting = row[i].split("=", 2);
        assertThat(setting).as("topics.txt setting %s", row[i]).hasSize(2);
        configs.put(setting[0], setting[1]);
      }
      topics.add(new TopicSpec(row[0], configs));
    }
    return topics;
  }

  /** The grants of acls.txt by principal, each as {@link Acl#grant()}. */
  static Map<String, Set<String>> grantsByPrincipal() {
    Map<String, Set<String>> grants = new LinkedHashMap<>();
    for (Acl acl : acls()) {
      grants.computeIfAbsent(acl.principal(), principal -> new TreeSet<>()).add(acl.grant());
    }
    return grants;
  }

  /** Where kafka-init finds a principal's password: WYP_KAFKA_PASSWORD_PROBLEM_SERVICE. */
  static String passwordVariable(String principal) {
    return "WYP_KAFKA_PASSWORD_" + principal.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The non-blank, non-comment lines of a table under deploy/kafka, split at white space. */
  private static List<String[]> rows(Path file) {
    return read(file)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("\\s+"))
        .toList();
  }

  // --- files and YAML ---

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).as("a YAML mapping").isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
