package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.KafkaListeners;
import org.springframework.kafka.core.KafkaAdmin;
import org.wyp.events.Topics;
import org.wyp.kit.WypProperties;
import org.wyp.kit.kafka.KafkaConfiguration;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files under {@code deploy/} are not run by the build (there is no Docker engine here), so
 * this test checks what can be checked without running them: they parse, and every service, port,
 * environment variable, health probe and metric they mention exists in the code or the README.
 */
class DeploymentFilesTest {

  /** Surefire runs in the module directory; deploy/ is beside it. */
  private static final Path DEPLOY = Path.of("..", "deploy");

  private static final Path README = Path.of("..", "README.md");

  private static final Set<String> PROBE_PATHS =
      Set.of("/actuator/health/readiness", "/actuator/health/liveness");

  /**
   * A placeholder naming an environment variable in a settings file: {@code ${MONGODB_URI:...}}.
   */
  private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  /** Prefixes of variables that Spring Boot binds to properties (relaxed binding). */
  private static final List<String> BOUND_ENV_PREFIXES = List.of("SPRING_", "WYP_", "MANAGEMENT_");

  private static final Pattern WYP_METRIC = Pattern.compile("\\bwyp_[a-z0-9_]+");

  private static final Pattern HEALTH_PATH = Pattern.compile("/actuator/health[A-Za-z0-9/_-]*");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The compose Kafka's super user: the broker itself, kafka-init and the health check. */
  private static final String ADMIN = "admin";

  private static final String JAAS_CONFIG = "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG";

  private static final Pattern SCRAM_LOGIN =
      Pattern.compile(
          "org\\.apache\\.kafka\\.common\\.security\\.scram\\.ScramLoginModule required"
              + " username=\"([^\"]+)\" password=\"([^\"]+)\";");

  @Test
  void everyYamlFileParses() throws IOException {
    List<Path> files = files(DEPLOY, ".yml", ".yaml");

    assertThat(files)
        .as("YAML files under %s", DEPLOY.toAbsolutePath().normalize())
        .extracting(path -> DEPLOY.relativize(path).toString().replace('\\', '/'))
        .contains(
            "docker-compose.yml",
            "prometheus/prometheus.yml",
            "prometheus/alerts.yml",
            "k8s/kustomization.yaml");
    for (Path file : files) {
      List<Object> documents = yamlDocuments(file);
      assertThat(documents).as("documents in %s", file).isNotEmpty().doesNotContainNull();
      assertThat(documents).as("documents in %s", file).allMatch(Map.class::isInstance);
    }
  }

  @Test
  void everyDashboardParsesAndEveryPanelHasAQuery() throws IOException {
    List<Path> dashboards = files(DEPLOY.resolve("grafana/dashboards"), ".json");

    assertThat(dashboards).as("dashboards").hasSizeGreaterThanOrEqualTo(2);
    Set<String> uids = new TreeSet<>();
    for (Path dashboard : dashboards) {
      JsonNode root = JSON.readTree(dashboard.toFile());
      assertThat(uids.add(root.path("uid").asString("")))
          .as("unique uid in %s", dashboard)
          .isTrue();
      assertThat(root.path("panels").isArray()).as("panels in %s", dashboard).isTrue();
      assertThat(root.path("panels").size()).as("panels in %s", dashboard).isPositive();
      for (JsonNode panel : root.path("panels")) {
        String title = panel.path("title").asString("");
        assertThat(panel.path("datasource").path("uid").asString(""))
            .as("data source of panel %s in %s", title, dashboard)
            .isEqualTo(provisionedDataSourceUid());
        assertThat(panel.path("targets").size())
            .as("queries of panel %s in %s", title, dashboard)
            .isPositive();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asString(""))
              .as("query of panel %s in %s", title, dashboard)
              .isNotBlank();
        }
      }
    }
  }

  @Test
  void composeRunsEveryServiceOnItsPortWithAReadinessHealthCheck() {
    Map<String, Object> compose = map(yamlDocuments(DEPLOY.resolve("docker-compose.yml")).get(0));
    Map<String, Object> services = map(compose.get("services"));

    assertThat(services).containsKeys("kafka", "mongodb", "prometheus", "grafana");
    for (PlatformService service : PlatformServices.ALL) {
      String name = service.name();
      assertThat(services).as("compose services").containsKey(name);
      Map<String, Object> definition = map(services.get(name));
      Map<String, Object> build = map(definition.get("build"));
      assertThat(map(build.get("args")).get("SERVICE")).as("%s build arg", name).isEqualTo(name);
      Path context = DEPLOY.resolve(String.valueOf(build.get("context")));
      assertThat(context.resolve(String.valueOf(build.get("dockerfile"))))
          .as("%s Dockerfile", name)
          .isRegularFile();
      assertThat(context.resolve(name).resolve("pom.xml")).as("%s module", name).isRegularFile();
      assertThat(list(definition.get("ports")))
          .as("%s ports", name)
          .contains(service.port() + ":" + service.port());
      assertThat(environment(definition.get("environment")).keySet())
          .as("%s environment", name)
          .containsAll(infrastructureVariables(service));
      String healthCheck =
          String.join(" ", strings(map(definition.get("healthcheck")).get("test")));
      assertThat(healthCheck)
          .as("%s health check", name)
          .contains("http://localhost:" + service.port() + "/actuator/health/readiness");
    }
  }

  @Test
  void dockerfileCopiesTheExecJarAndRunsAsNonRoot() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));

    assertThat(dockerfile)
        .contains("FROM eclipse-temurin:21-jre")
        .contains("ARG SERVICE")
        .contains("${SERVICE}/target/${SERVICE}-*-exec.jar");
    assertThat(dockerfile.lines().filter(line -> line.startsWith("USER ")).toList())
        .as("USER lines")
        .isNotEmpty()
        .noneMatch(line -> line.matches("USER\\s+(root|0)(:.*)?\\s*"));
    // The parent POM's repackage execution is what names the jar <artifact>-<version>-exec.jar.
    assertThat(Files.readString(Path.of("..", "pom.xml")))
        .contains("<classifier>exec</classifier>");
  }

  @Test
  void prometheusScrapesEveryServiceAndLoadsTheAlertRules() {
    Map<String, Object> config =
        map(yamlDocuments(DEPLOY.resolve("prometheus/prometheus.yml")).get(0));

    for (Object ruleFile : list(config.get("rule_files"))) {
      assertThat(DEPLOY.resolve("prometheus").resolve(String.valueOf(ruleFile))).isRegularFile();
    }
    assertThat(list(config.get("rule_files"))).contains("alerts.yml");
    Map<String, String> metricsPathByTarget = new LinkedHashMap<>();
    for (Object job : list(config.get("scrape_configs"))) {
      Map<String, Object> scrape = map(job);
      for (Object staticConfig : list(scrape.get("static_configs"))) {
        for (Object target : list(map(staticConfig).get("targets"))) {
          metricsPathByTarget.put(
              String.valueOf(target), String.valueOf(scrape.get("metrics_path")));
        }
      }
    }
    for (PlatformService service : PlatformServices.ALL) {
      assertThat(metricsPathByTarget)
          .as("scrape targets")
          .containsEntry(service.name() + ":" + service.port(), "/actuator/prometheus");
    }
  }

  @Test
  void alertRulesCoverLagDeadLettersOutboxAgeAndServiceDown() {
    List<String> expressions = alertExpressions();

    assertThat(expressions)
        .anyMatch(expr -> expr.contains("kafka_consumer_fetch_manager_records_lag_max"))
        .anyMatch(expr -> expr.contains("increase(wyp_events_dead_lettered_total[10m])"))
        .anyMatch(expr -> expr.matches(".*wyp_outbox_oldest_age_seconds\\)?\\s*>\\s*60.*"))
        .anyMatch(expr -> expr.matches("\\s*up\\s*==\\s*0\\s*"));
  }

  @Test
  void kubernetesBaseHasADeploymentServiceAndAutoscalerPerService() throws IOException {
    Path k8s = DEPLOY.resolve("k8s");
    Map<String, Object> kustomization =
        map(yamlDocuments(k8s.resolve("kustomization.yaml")).get(0));
    List<String> resources = strings(kustomization.get("resources"));
    List<String> manifests =
        files(k8s, ".yml", ".yaml").stream()
            .map(path -> k8s.relativize(path).toString().replace('\\', '/'))
            .filter(name -> !name.equals("kustomization.yaml"))
            .toList();
    assertThat(resources)
        .as("kustomization resources")
        .containsExactlyInAnyOrderElementsOf(manifests);

    List<Map<String, Object>> objects = k8sObjects();
    int partitions = new WypProperties.Kafka(null, null, null, null).partitions();
    for (PlatformService service : PlatformServices.ALL) {
      String name = service.name();
      Map<String, Object> deployment = k8sObject(objects, "Deployment", name);
      List<Map<String, Object>> containers = containers(deployment);
      assertThat(containers).as("%s containers", name).hasSize(1);
      Map<String, Object> container = containers.get(0);
      assertThat(list(container.get("ports")))
          .as("%s container ports", name)
          .anyMatch(port -> Integer.valueOf(service.port()).equals(map(port).get("containerPort")));
      assertThat(probePath(container, "readinessProbe"))
          .as("%s readiness probe", name)
          .isEqualTo("/actuator/health/readiness");
      assertThat(probePath(container, "livenessProbe"))
          .as("%s liveness probe", name)
          .isEqualTo("/actuator/health/liveness");
      Map<String, Object> resourceSpec = map(container.get("resources"));
      assertThat(map(resourceSpec.get("requests")))
          .as("%s requests", name)
          .containsKeys("cpu", "memory");
      assertThat(map(resourceSpec.get("limits"))).as("%s limits", name).containsKey("memory");
      assertThat(environmentOf(container, objects).keySet())
          .as("%s environment", name)
          .containsAll(infrastructureVariables(service));

      Map<String, Object> k8sService = k8sObject(objects, "Service", name);
      assertThat(list(map(k8sService.get("spec")).get("ports")))
          .as("%s service ports", name)
          .anyMatch(port -> Integer.valueOf(service.port()).equals(map(port).get("port")));

      Map<String, Object> autoscaler = k8sObject(objects, "HorizontalPodAutoscaler", name);
      Map<String, Object> scaling = map(autoscaler.get("spec"));
      assertThat(map(scaling.get("scaleTargetRef")))
          .as("%s autoscaler target", name)
          .containsEntry("kind", "Deployment")
          .containsEntry("name", name);
      // Consumers of one group beyond a topic's partition count would sit idle. The web front
      // joins no group (every replica reads the whole update topic), so partitions do not bound it.
      int bound = service.hasDatabase() ? partitions : Integer.MAX_VALUE;
      assertThat((Integer) scaling.get("maxReplicas"))
          .as("%s maxReplicas (partitions: %s)", name, partitions)
          .isBetween(1, bound);
    }
  }

  @Test
  void everyEnvironmentVariableTheDeploymentSetsIsOneTheCodeReads() {
    Set<String> direct = directlyReadVariables();
    Set<String> known = knownPropertyNames();
    known.addAll(bootPropertyNames(false));
    Set<String> mapProperties = bootPropertyNames(true);
    Map<String, Set<String>> setByService = new LinkedHashMap<>();

    Map<String, Object> services =
        map(map(yamlDocuments(DEPLOY.resolve("docker-compose.yml")).get(0)).get("services"));
    List<Map<String, Object>> objects = k8sObjects();
    for (PlatformService service : PlatformServices.ALL) {
      Set<String> names = new TreeSet<>();
      names.addAll(environment(map(services.get(service.name())).get("environment")).keySet());
      for (Map<String, Object> container :
          containers(k8sObject(objects, "Deployment", service.name()))) {
        names.addAll(environmentOf(container, objects).keySet());
      }
      setByService.put(service.name(), names);
    }

    assertThat(setByService.values()).allMatch(names -> !names.isEmpty());
    for (Map.Entry<String, Set<String>> entry : setByService.entrySet()) {
      for (String variable : entry.getValue()) {
        assertThat(isReadByTheCode(variable, direct, known, mapProperties))
            .as(
                "%s sets %s: neither a variable a settings file reads (${%s:...} in %s) nor the"
                    + " relaxed form of a property the code or Spring Boot knows",
                entry.getKey(), variable, variable, direct)
            .isTrue();
      }
    }
  }

  @Test
  void everyHealthProbePathIsReadinessOrLiveness() throws IOException {
    List<Path> files = new ArrayList<>(files(DEPLOY.resolve("k8s"), ".yml", ".yaml"));
    files.add(DEPLOY.resolve("docker-compose.yml"));
    int found = 0;
    for (Path file : files) {
      Matcher matcher = HEALTH_PATH.matcher(Files.readString(file));
      while (matcher.find()) {
        found++;
        assertThat(matcher.group()).as("health path in %s", file).isIn(PROBE_PATHS);
      }
    }
    assertThat(found)
        .as("health paths found")
        .isGreaterThanOrEqualTo(PlatformServices.ALL.size() * 3);
  }

  @Test
  void everyWypMetricInDashboardsAndAlertsIsInTheReadmeMetricsTable() throws IOException {
    Set<String> documented = readmeMetrics();
    assertThat(documented)
        .as("metrics in README's table")
        .contains(
            "wyp_outbox_backlog",
            "wyp_outbox_oldest_age_seconds",
            "wyp_events_dead_lettered_total",
            "wyp_fund_remaining_pence");

    Map<String, List<String>> expressionsBySource = new LinkedHashMap<>();
    expressionsBySource.put("prometheus/alerts.yml", alertExpressions());
    for (Path dashboard : files(DEPLOY.resolve("grafana/dashboards"), ".json")) {
      List<String> expressions = new ArrayList<>();
      for (JsonNode panel : JSON.readTree(dashboard.toFile()).path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          expressions.add(target.path("expr").asString(""));
        }
      }
      expressionsBySource.put(DEPLOY.relativize(dashboard).toString(), expressions);
    }

    Set<String> used = new TreeSet<>();
    for (Map.Entry<String, List<String>> entry : expressionsBySource.entrySet()) {
      for (String expression : entry.getValue()) {
        Matcher matcher = WYP_METRIC.matcher(expression);
        while (matcher.find()) {
          used.add(matcher.group());
          assertThat(documented)
              .as("metric in %s: %s", entry.getKey(), expression)
              .contains(matcher.group());
        }
      }
    }
    assertThat(used).as("wyp_* metrics used").isNotEmpty();
  }

  // --- Kafka security (README, "Kafka security") ---

  @Test
  void composeKafkaAuthenticatesEveryListenerAndAllowsOnlyWhatAnAclAllows() {
    Map<String, String> environment = ComposeKafka.environment(ComposeKafka.BROKER);
    assertThat(ComposeKafka.variablesTheImageDrops(environment))
        .as("KAFKA_* variables whose value holds '=', which the apache/kafka image leaves out")
        .isEmpty();
    Map<String, String> broker = ComposeKafka.brokerProperties(environment);

    Map<String, String> listeners = ComposeKafka.listeners(broker.get("listeners"));
    Map<String, String> protocols = new LinkedHashMap<>();
    for (String entry : broker.get("listener.security.protocol.map").split(",")) {
      String[] parts = entry.split(":", 2);
      protocols.put(parts[0], parts[1]);
    }
    assertThat(protocols).as("listener protocols").containsOnlyKeys(listeners.keySet());
    assertThat(protocols.values())
        .as("every listener authenticates")
        .allMatch(protocol -> protocol.startsWith("SASL_"));
    String controller = broker.get("controller.listener.names");
    String interBroker = broker.get("inter.broker.listener.name");
    assertThat(listeners).containsKeys(controller, interBroker);
    assertThat(ComposeKafka.mechanisms(broker, controller))
        .containsExactly(broker.get("sasl.mechanism.controller.protocol"));
    assertThat(ComposeKafka.mechanisms(broker, interBroker))
        .containsExactly(broker.get("sasl.mechanism.inter.broker.protocol"));
    assertThat(broker.get("controller.quorum.voters"))
        .as("the controller's address")
        .isEqualTo(
            broker.get("node.id") + "@kafka:" + ComposeKafka.port(listeners.get(controller)));

    // The services' listener: the port of KAFKA_BOOTSTRAP_SERVERS, SCRAM only.
    String clientListener = clientListener(broker);
    assertThat(ComposeKafka.mechanisms(broker, clientListener)).containsExactly("SCRAM-SHA-512");
    assertThat(clientListener).isNotIn(controller, interBroker);

    assertThat(broker)
        .containsEntry(
            "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("allow.everyone.if.no.acl.found", "false")
        .containsEntry("super.users", "User:" + ADMIN)
        .containsEntry("auto.create.topics.enable", "false");
    // The users and ACLs live in the metadata log: it is in the volume, so they outlive the
    // container.
    assertThat(strings(ComposeKafka.composeService(ComposeKafka.BROKER).get("volumes")))
        .contains("kafka-data:" + broker.get("log.dirs"));

    // Every SASL listener has a JAAS section with the login module of its mechanism; the PLAIN
    // ones know only admin and log the broker in as admin.
    String jaasFile = "/tmp/wyp-kafka/kafka_server_jaas.conf";
    assertThat(environment.get("KAFKA_OPTS"))
        .isEqualTo("-Djava.security.auth.login.config=" + jaasFile);
    String startScript = ComposeKafka.read(ComposeKafka.KAFKA.resolve("start-broker.sh"));
    assertThat(startScript)
        .contains(
            "dir=/tmp/wyp-kafka", "\"$dir/kafka_server_jaas.conf\"", "\"$dir/admin.properties\"")
        .contains("exec /etc/kafka/docker/run");
    assertThat(strings(ComposeKafka.composeService(ComposeKafka.BROKER).get("command")))
        .containsExactly("bash", "/opt/wyp/kafka/start-broker.sh");
    Map<String, String> jaas = ComposeKafka.jaasSections("secret");
    assertThat(jaas.keySet())
        .containsExactlyInAnyOrderElementsOf(
            listeners.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
    for (String listener : listeners.keySet()) {
      List<String> mechanisms = ComposeKafka.mechanisms(broker, listener);
      assertThat(mechanisms).as("mechanisms of %s", listener).hasSize(1);
      String section = jaas.get(listener.toLowerCase(Locale.ROOT));
      if (mechanisms.get(0).equals("PLAIN")) {
        assertThat(section)
            .as("JAAS section of %s", listener)
            .isEqualTo(
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"admin\" password=\"secret\" user_admin=\"secret\";");
      } else {
        assertThat(section)
            .as("JAAS section of %s", listener)
            .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required;");
      }
    }

    // The health check and kafka-init use the admin listener as admin.
    String healthCheck =
        String.join(
            " ",
            strings(
                map(ComposeKafka.composeService(ComposeKafka.BROKER).get("healthcheck"))
                    .get("test")));
    assertThat(healthCheck)
        .contains("--bootstrap-server localhost:" + ComposeKafka.port(listeners.get(interBroker)))
        .contains("--command-config /tmp/wyp-kafka/admin.properties");
    Map<String, String> init = ComposeKafka.environment(ComposeKafka.INIT);
    assertThat(init)
        .containsEntry(
            "WYP_KAFKA_ADMIN_BOOTSTRAP", "kafka:" + ComposeKafka.port(listeners.get(interBroker)))
        .containsEntry("WYP_KAFKA_ADMIN_PASSWORD", environment.get("WYP_KAFKA_ADMIN_PASSWORD"));
    assertThat(
            ComposeKafka.variableWithDefault(
                ComposeKafka.rawEnvironment(ComposeKafka.BROKER).get("WYP_KAFKA_ADMIN_PASSWORD")))
        .isEqualTo(
            ComposeKafka.variableWithDefault(
                ComposeKafka.rawEnvironment(ComposeKafka.INIT).get("WYP_KAFKA_ADMIN_PASSWORD")));
    assertThat(environment.get("WYP_KAFKA_ADMIN_PASSWORD")).startsWith("dev-only-");
  }

  @Test
  void everyServiceLogsInToKafkaAsItsOwnUser() {
    Map<String, Object> compose = map(yamlDocuments(DEPLOY.resolve("docker-compose.yml")).get(0));
    Map<String, Object> services = map(compose.get("services"));
    Map<String, String> init = ComposeKafka.rawEnvironment(ComposeKafka.INIT);
    List<Map<String, Object>> objects = k8sObjects();
    for (PlatformService service : PlatformServices.ALL) {
      String name = service.name();
      Map<String, String> raw = ComposeKafka.rawEnvironment(name);
      Map<String, String> environment = ComposeKafka.environment(name);
      assertThat(environment)
          .as("%s Kafka client settings", name)
          .containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
          .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
      String password = scramPassword(name, raw.get(JAAS_CONFIG));
      // The same variable, with the same dev-only default, gives kafka-init the password to set.
      Map.Entry<String, String> variable = ComposeKafka.variableWithDefault(password);
      assertThat(variable.getKey()).isEqualTo(ComposeKafka.passwordVariable(name));
      assertThat(variable.getValue()).as("%s default password", name).startsWith("dev-only-");
      assertThat(init.get(variable.getKey()))
          .as("kafka-init's %s", variable.getKey())
          .isEqualTo(password);

      // Spring Boot hands the settings to every client it builds (relaxed binding of
      // spring.kafka.properties.*).
      KafkaProperties kafka = ComposeKafka.kafkaProperties(service, environment);
      String jaas = environment.get(JAAS_CONFIG);
      for (Map<String, Object> clientSettings :
          List.of(
              kafka.buildProducerProperties(),
              kafka.buildConsumerProperties(),
              kafka.buildAdminProperties())) {
        assertThat(clientSettings)
            .as("%s client settings", name)
            .containsEntry("security.protocol", "SASL_PLAINTEXT")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("sasl.jaas.config", jaas);
      }
      // Users exist, topics exist and ACLs are in place before the service starts.
      assertThat(map(map(map(services.get(name)).get("depends_on")).get(ComposeKafka.INIT)))
          .as("%s waits for kafka-init", name)
          .containsEntry("condition", "service_completed_successfully");
      if (service.hasDatabase()) {
        // No service's user may create topics; kafka-init creates them all.
        assertThat(environment).containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false");
      }

      // Kubernetes: SCRAM over TLS, the user and password from the service's own Secret.
      Map<String, Object> container = containers(k8sObject(objects, "Deployment", name)).get(0);
      Map<String, Object> k8sEnvironment = environmentOf(container, objects);
      assertThat(k8sEnvironment)
          .as("%s Kubernetes Kafka settings", name)
          .containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL")
          .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
      Map<String, Object> secret = k8sObject(objects, "Secret", "wyp-kafka-" + name);
      assertThat(list(container.get("envFrom")))
          .as("%s envFrom", name)
          .contains(Map.of("secretRef", Map.of("name", "wyp-kafka-" + name)));
      scramPassword(name, String.valueOf(map(secret.get("stringData")).get(JAAS_CONFIG)));
    }
    assertThat(map(map(services.get(ComposeKafka.INIT)).get("depends_on")))
        .containsEntry(ComposeKafka.BROKER, Map.of("condition", "service_healthy"));
  }

  @Test
  void theAclsGrantEachServiceExactlyWhatItsCodeProducesAndConsumes() {
    Map<String, Set<String>> granted = ComposeKafka.grantsByPrincipal();
    Map<String, Set<String>> needed = grantsTheCodeNeeds();

    assertThat(granted.keySet())
        .as("principals in deploy/kafka/acls.txt")
        .containsExactlyInAnyOrderElementsOf(
            PlatformServices.ALL.stream().map(PlatformService::name).toList());
    for (PlatformService service : PlatformServices.ALL) {
      assertThat(granted.get(service.name()))
          .as(
              "ACLs of %s: WRITE on the topics it sends to (AsyncAPI) and on the -dlt of each"
                  + " topic a @KafkaListener consumes, READ on the topics it receives or"
                  + " consumes and on its listeners' groups",
              service.name())
          .containsExactlyInAnyOrderElementsOf(needed.get(service.name()));
    }
    // web reads with assign(), so it needs no group, and writes nothing.
    assertThat(granted.get("web")).containsExactly("READ topic " + Topics.UPDATES);

    Set<String> created =
        ComposeKafka.topics().stream()
            .map(ComposeKafka.TopicSpec::name)
            .collect(Collectors.toCollection(TreeSet::new));
    for (ComposeKafka.Acl acl : ComposeKafka.acls()) {
      assertThat(acl.operation()).as("operation of %s", acl).isIn("READ", "WRITE");
      assertThat(acl.resourceType()).as("resource of %s", acl).isIn("topic", "group");
      if (acl.resourceType().equals("topic")) {
        assertThat(acl.name()).as("topic of %s", acl).isIn(topicNames()).isIn(created);
      } else {
        assertThat(acl.name()).as("group of %s", acl).isEqualTo(acl.principal());
      }
    }
  }

  @Test
  void kafkaInitCreatesEveryTopicTheKitDeclaresAndAUserPerPrincipal() throws Exception {
    Map<String, Map<String, String>> declared = new TreeMap<>();
    for (NewTopic topic : kitTopics()) {
      declared.put(topic.name(), topic.configs() == null ? Map.of() : topic.configs());
    }
    Map<String, Map<String, String>> created = new TreeMap<>();
    ComposeKafka.topics().forEach(topic -> created.put(topic.name(), topic.configs()));
    assertThat(created).as("deploy/kafka/topics.txt").isEqualTo(declared);
    assertThat(created.keySet()).isSubsetOf(topicNames());

    WypProperties.Kafka defaults = kitDefaults().kafka();
    Map<String, String> init = ComposeKafka.environment(ComposeKafka.INIT);
    assertThat(init)
        .as("kafka-init's partitions and replicas: the kit's defaults")
        .containsEntry("WYP_KAFKA_PARTITIONS", String.valueOf(defaults.partitions()))
        .containsEntry("WYP_KAFKA_REPLICATIONFACTOR", String.valueOf(defaults.replicationFactor()));
    Set<String> passwordVariables =
        init.keySet().stream()
            .filter(name -> name.startsWith("WYP_KAFKA_PASSWORD_"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(passwordVariables)
        .as("a password for every principal of acls.txt, and no other")
        .containsExactlyInAnyOrderElementsOf(
            ComposeKafka.grantsByPrincipal().keySet().stream()
                .map(ComposeKafka::passwordVariable)
                .toList());

    Map<String, Object> service = ComposeKafka.composeService(ComposeKafka.INIT);
    assertThat(strings(service.get("command"))).containsExactly("bash", "/opt/wyp/kafka/init.sh");
    assertThat(strings(service.get("volumes"))).contains("./kafka:/opt/wyp/kafka:ro");
    assertThat(ComposeKafka.KAFKA.resolve("init.sh")).isRegularFile();
  }

  @Test
  void composeAndKubernetesNameTheTokenIssuer() {
    Set<String> settings = Set.of("WYP_JWT_ISSUER", "WYP_JWT_JWK_SET_URI");
    Set<String> issuers = new TreeSet<>();
    for (PlatformService service : PlatformServices.ALL) {
      Map<String, String> environment = ComposeKafka.environment(service.name());
      assertThat(environment)
          .as("%s environment", service.name())
          .containsKeys(settings.toArray(String[]::new));
      issuers.add(environment.get("WYP_JWT_ISSUER") + " " + environment.get("WYP_JWT_JWK_SET_URI"));
    }
    assertThat(issuers).as("issuers the services trust").hasSize(1);
    Map<String, Object> platform =
        map(k8sObject(k8sObjects(), "ConfigMap", "wyp-platform").get("data"));
    assertThat(platform).containsKeys(settings.toArray(String[]::new));
    for (String setting : settings) {
      assertThat(String.valueOf(platform.get(setting))).startsWith("https://");
    }
  }

  @Test
  void prometheusScrapesWithTheOpsTokenFromAFileGitIgnores() throws IOException {
    Map<String, Object> config =
        map(yamlDocuments(DEPLOY.resolve("prometheus/prometheus.yml")).get(0));
    String tokenFile = "/etc/prometheus/secrets/ops-token";
    for (Object job : list(config.get("scrape_configs"))) {
      assertThat(map(map(job).get("authorization")))
          .as("authorization of job %s", map(job).get("job_name"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("type", "Bearer", "credentials_file", tokenFile));
    }
    // Compose mounts deploy/prometheus at /etc/prometheus, so the token is
    // deploy/prometheus/secrets/ops-token, which git ignores.
    assertThat(strings(ComposeKafka.composeService("prometheus").get("volumes")))
        .contains("./prometheus:/etc/prometheus:ro");
    Path secrets = DEPLOY.resolve("prometheus/secrets");
    assertThat(Files.readAllLines(secrets.resolve(".gitignore")))
        .contains("*", "!.gitignore", "!README.md");
    assertThat(Files.readString(secrets.resolve("README.md"))).contains(tokenFile);
  }

  @Test
  void theReadmeTableOfKafkaAclsIsTheAclFile() throws IOException {
    Map<String, Set<String>> table = readmeAclTable();
    assertThat(table).as("README Kafka security table").isEqualTo(ComposeKafka.grantsByPrincipal());
  }

  @Test
  void envExampleSetsEveryVariableTheComposeFileReadsToItsDefault() throws IOException {
    Properties example = new Properties();
    try (InputStream in = Files.newInputStream(DEPLOY.resolve(".env.example"))) {
      example.load(in);
    }
    Map<String, Set<String>> variables = ComposeKafka.composeVariables();
    assertThat(example.stringPropertyNames())
        .as("variables in deploy/.env.example")
        .containsExactlyInAnyOrderElementsOf(variables.keySet());
    variables.forEach(
        (name, defaults) ->
            assertThat(defaults)
                .as("defaults of %s", name)
                .containsExactly(example.getProperty(name)));
    assertThat(Files.readAllLines(DEPLOY.resolve(".gitignore"))).contains(".env");
  }

  // --- Kafka security: what the code does ---

  /** The password of a JAAS setting that logs {@code user} in with SCRAM, and nobody else. */
  private static String scramPassword(String user, String jaasConfig) {
    assertThat(jaasConfig).as("JAAS setting of %s", user).matches(SCRAM_LOGIN);
    Matcher matcher = SCRAM_LOGIN.matcher(jaasConfig);
    assertThat(matcher.matches()).isTrue();
    assertThat(matcher.group(1)).as("Kafka user of %s", user).isEqualTo(user);
    return matcher.group(2);
  }

  /** The broker listener on the port the services' KAFKA_BOOTSTRAP_SERVERS names. */
  private static String clientListener(Map<String, String> broker) {
    Set<String> bootstrap = new TreeSet<>();
    for (PlatformService service : PlatformServices.ALL) {
      bootstrap.add(ComposeKafka.environment(service.name()).get("KAFKA_BOOTSTRAP_SERVERS"));
    }
    assertThat(bootstrap).as("KAFKA_BOOTSTRAP_SERVERS of the services").hasSize(1);
    Map<String, String> advertised = ComposeKafka.listeners(broker.get("advertised.listeners"));
    List<String> matching =
        advertised.entrySet().stream()
            .filter(entry -> entry.getValue().equals(bootstrap.iterator().next()))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(matching).as("advertised listener at %s", bootstrap).hasSize(1);
    return matching.get(0);
  }

  /**
   * The ACL grants each service's code needs, as {@link ComposeKafka.Acl#grant()}: WRITE on every
   * topic the AsyncAPI document says it sends to; READ on every topic it receives or a
   * {@code @KafkaListener} of it consumes, and on that listener's group (or the AsyncAPI binding's
   * groupId); WRITE on the dead-letter topic of every topic a service on the kit consumes, since
   * the kit's error handler dead-letters there.
   */
  private static Map<String, Set<String>> grantsTheCodeNeeds() {
    Map<String, Set<String>> grants = new LinkedHashMap<>();
    PlatformServices.ALL.forEach(service -> grants.put(service.name(), new TreeSet<>()));
    for (AsyncApiOperation operation : asyncApiOperations()) {
      assertThat(grants).as("service of %s", operation.id()).containsKey(operation.service());
      Set<String> service = grants.get(operation.service());
      if (operation.action().equals("send")) {
        service.add("WRITE topic " + operation.topic());
      } else {
        assertThat(operation.action()).as("action of %s", operation.id()).isEqualTo("receive");
        service.add("READ topic " + operation.topic());
        operation.groups().forEach(group -> service.add("READ group " + group));
      }
    }
    for (PlatformService service : PlatformServices.ALL) {
      String defaultGroup =
          String.valueOf(
              ComposeKafka.kafkaProperties(service, Map.of())
                  .buildConsumerProperties()
                  .get("group.id"));
      for (KafkaListenerTopic listener : kafkaListenerTopics(service, defaultGroup)) {
        Set<String> grantsOfService = grants.get(service.name());
        grantsOfService.add("READ topic " + listener.topic());
        grantsOfService.add("READ group " + listener.group());
        if (service.hasDatabase()) {
          grantsOfService.add("WRITE topic " + Topics.deadLetterOf(listener.topic()));
        }
      }
    }
    return grants;
  }

  /**
   * An operation of the AsyncAPI document: who sends or receives on which topic, in which group.
   */
  private record AsyncApiOperation(
      String id, String service, String action, String topic, List<String> groups) {}

  private static List<AsyncApiOperation> asyncApiOperations() {
    Map<String, Object> document;
    try (InputStream in =
        DeploymentFilesTest.class
            .getClassLoader()
            .getResourceAsStream("org/wyp/events/asyncapi.yaml")) {
      assertThat(in).as("the AsyncAPI document on the class path").isNotNull();
      document = map(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> channels = map(document.get("channels"));
    Set<String> services = new TreeSet<>();
    PlatformServices.ALL.forEach(service -> services.add(service.name()));
    List<AsyncApiOperation> operations = new ArrayList<>();
    for (Map.Entry<String, Object> entry : map(document.get("operations")).entrySet()) {
      Map<String, Object> operation = map(entry.getValue());
      String reference = String.valueOf(map(operation.get("channel")).get("$ref"));
      assertThat(reference).as("channel of %s", entry.getKey()).startsWith("#/channels/");
      String topic =
          String.valueOf(
              map(channels.get(reference.substring("#/channels/".length()))).get("address"));
      List<String> tagged =
          list(operation.get("tags")).stream()
              .map(tag -> String.valueOf(map(tag).get("name")))
              .filter(services::contains)
              .toList();
      assertThat(tagged).as("service tag of %s", entry.getKey()).hasSize(1);
      List<String> groups = List.of();
      Object bindings = operation.get("bindings");
      if (bindings != null && map(bindings).get("kafka") != null) {
        Object groupId = map(map(bindings).get("kafka")).get("groupId");
        if (groupId != null) {
          groups = strings(map(groupId).get("enum"));
        }
      }
      operations.add(
          new AsyncApiOperation(
              entry.getKey(),
              tagged.get(0),
              String.valueOf(operation.get("action")),
              topic,
              groups));
    }
    assertThat(operations).as("AsyncAPI operations").isNotEmpty();
    return operations;
  }

  /** A topic one of a service's {@code @KafkaListener}s consumes, and the group it consumes in. */
  private record KafkaListenerTopic(String topic, String group) {}

  /** Every {@code @KafkaListener} in the service's packages, found on the class path. */
  private static List<KafkaListenerTopic> kafkaListenerTopics(
      PlatformService service, String defaultGroup) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(
        (reader, factory) ->
            reader.getAnnotationMetadata().hasAnnotation(KafkaListener.class.getName())
                || reader.getAnnotationMetadata().hasAnnotatedMethods(KafkaListener.class.getName())
                || reader
                    .getAnnotationMetadata()
                    .hasAnnotatedMethods(KafkaListeners.class.getName()));
    Set<String> topics = topicNames();
    List<KafkaListenerTopic> found = new ArrayList<>();
    for (BeanDefinition candidate :
        scanner.findCandidateComponents(service.application().getPackageName())) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredMethods()));
      elements.add(type);
      for (AnnotatedElement element : elements) {
        for (KafkaListener listener :
            AnnotatedElementUtils.findMergedRepeatableAnnotations(element, KafkaListener.class)) {
          assertThat(listener.topicPattern())
              .as("topicPattern of a listener in %s", type.getName())
              .isEmpty();
          assertThat(listener.topicPartitions())
              .as("topicPartitions of a listener in %s", type.getName())
              .isEmpty();
          String group;
          if (!listener.groupId().isEmpty()) {
            group = listener.groupId();
          } else if (!listener.id().isEmpty() && listener.idIsGroup()) {
            group = listener.id();
          } else {
            group = defaultGroup;
          }
          for (String topic : listener.topics()) {
            assertThat(topic).as("topic of a listener in %s", type.getName()).isIn(topics);
            found.add(new KafkaListenerTopic(topic, group));
          }
        }
      }
    }
    return found;
  }

  /** Every topic name {@link Topics} defines, and the dead-letter topic of each. */
  private static Set<String> topicNames() {
    Set<String> names = new TreeSet<>();
    for (Field field : Topics.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
        try {
          String topic = (String) field.get(null);
          names.add(topic);
          names.add(Topics.deadLetterOf(topic));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  /** The topics service-kit's KafkaConfiguration declares, with the kit's default settings. */
  @SuppressWarnings("unchecked")
  private static Collection<NewTopic> kitTopics() throws ReflectiveOperationException {
    // Both are package-private: Spring calls them, and nothing else should.
    Method declare = KafkaConfiguration.class.getDeclaredMethod("wypTopics", WypProperties.class);
    declare.setAccessible(true);
    Object topics = declare.invoke(new KafkaConfiguration(), kitDefaults());
    Method get = KafkaAdmin.NewTopics.class.getDeclaredMethod("getNewTopics");
    get.setAccessible(true);
    return (Collection<NewTopic>) get.invoke(topics);
  }

  private static WypProperties kitDefaults() {
    return new Binder().bindOrCreate("wyp", WypProperties.class);
  }

  /** README's table under "Kafka security": principal to its grants. */
  private static Map<String, Set<String>> readmeAclTable() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("### Kafka security");
    assertThat(start).as("README section Kafka security").isNotNegative();
    // The next heading of level 2 or 3 ends it (its code blocks hold "# ..." comments).
    Matcher next = Pattern.compile("\n#{2,3} ").matcher(readme);
    int end = next.find(start + 1) ? next.start() : readme.length();
    String section = readme.substring(start, end);
    String[] columns = {null, "WRITE topic", "READ topic", "READ group"};
    Map<String, Set<String>> table = new LinkedHashMap<>();
    Pattern name = Pattern.compile("`([^`]+)`");
    for (String line : section.lines().toList()) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      Matcher principal = name.matcher(cells[1]);
      assertThat(principal.find()).as("principal in %s", line).isTrue();
      Set<String> grants = table.computeIfAbsent(principal.group(1), p -> new TreeSet<>());
      for (int column = 1; column < columns.length; column++) {
        Matcher names = name.matcher(cells[column + 1]);
        while (names.find()) {
          grants.add(columns[column] + " " + names.group(1));
        }
      }
    }
    return table;
  }

  // --- README ---

  /** The names in the first column of README's table under "Metrics and health". */
  private static Set<String> readmeMetrics() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("### Metrics and health");
    assertThat(start).as("README section Metrics and health").isNotNegative();
    int end = readme.indexOf("\n## ", start);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Set<String> names = new TreeSet<>();
    for (String line : section.lines().toList()) {
      if (!line.startsWith("| `wyp_")) {
        continue;
      }
      String firstColumn = line.split("\\|")[1];
      Matcher matcher = WYP_METRIC.matcher(firstColumn);
      while (matcher.find()) {
        names.add(matcher.group());
      }
    }
    return names;
  }

  // --- properties the code reads ---

  /** Keys of the settings files plus every {@code wyp.*} property of {@link WypProperties}. */
  private static Set<String> knownPropertyNames() {
    Set<String> names = new TreeSet<>();
    settingsFiles().values().forEach(properties -> names.addAll(properties.stringPropertyNames()));
    addRecordProperties("wyp", WypProperties.class, names);
    return names;
  }

  /**
   * The environment variables the settings files name in placeholders, such as {@code
   * KAFKA_BOOTSTRAP_SERVERS} in {@code ${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}}: the code reads
   * these directly, whatever property they feed.
   */
  private static Set<String> directlyReadVariables() {
    Set<String> variables = new TreeSet<>();
    for (Properties properties : settingsFiles().values()) {
      for (String name : properties.stringPropertyNames()) {
        Matcher matcher = ENV_PLACEHOLDER.matcher(properties.getProperty(name));
        while (matcher.find()) {
          variables.add(matcher.group(1));
        }
      }
    }
    assertThat(variables)
        .as("variables read by the settings files")
        .contains("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
    return variables;
  }

  /** The kit's defaults and each service's own settings file, from the class path. */
  private static Map<String, Properties> settingsFiles() {
    List<String> files = new ArrayList<>();
    files.add("wyp-kit-defaults.properties");
    PlatformServices.ALL.forEach(service -> files.add(service.name() + ".properties"));
    Map<String, Properties> settings = new LinkedHashMap<>();
    for (String file : files) {
      try (InputStream in = DeploymentFilesTest.class.getClassLoader().getResourceAsStream(file)) {
        assertThat(in).as("settings file %s on the class path", file).isNotNull();
        Properties properties = new Properties();
        properties.load(in);
        settings.put(file, properties);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return settings;
  }

  private static void addRecordProperties(String prefix, Class<?> type, Set<String> names) {
    for (RecordComponent component : type.getRecordComponents()) {
      String name = prefix + "." + kebab(component.getName());
      if (component.getType().isRecord()) {
        addRecordProperties(name, component.getType(), names);
      } else {
        names.add(name);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  /**
   * Properties in Spring Boot's configuration metadata: all of them, or only the map-typed ones
   * (whose keys may follow the name).
   */
  private static Set<String> bootPropertyNames(boolean mapsOnly) {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> resources =
          DeploymentFilesTest.class
              .getClassLoader()
              .getResources("META-INF/spring-configuration-metadata.json");
      for (URL resource : Collections.list(resources)) {
        try (InputStream in = resource.openStream()) {
          for (JsonNode property : JSON.readTree(in).path("properties")) {
            if (!mapsOnly || property.path("type").asString("").startsWith("java.util.Map")) {
              names.add(property.path("name").asString(""));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(names).as("Spring Boot configuration metadata").isNotEmpty();
    return names;
  }

  private static boolean isReadByTheCode(
      String variable, Set<String> direct, Set<String> properties, Set<String> mapProperties) {
    if (direct.contains(variable)) {
      return true;
    }
    if (BOUND_ENV_PREFIXES.stream().noneMatch(variable::startsWith)) {
      return false;
    }
    if (properties.stream().map(DeploymentFilesTest::envName).anyMatch(variable::equals)) {
      return true;
    }
    return mapProperties.stream()
        .map(DeploymentFilesTest::envName)
        .anyMatch(prefix -> variable.startsWith(prefix + "_"));
  }

  /** Spring Boot's environment variable for a property: dots to underscores, no dashes. */
  private static String envName(String property) {
    return property.replace(".", "_").replace("-", "").toUpperCase();
  }

  // --- Kubernetes ---

  private static List<Map<String, Object>> k8sObjects() {
    List<Map<String, Object>> objects = new ArrayList<>();
    Path k8s = DEPLOY.resolve("k8s");
    for (String resource :
        strings(map(yamlDocuments(k8s.resolve("kustomization.yaml")).get(0)).get("resources"))) {
      for (Object document : yamlDocuments(k8s.resolve(resource))) {
        objects.add(map(document));
      }
    }
    return objects;
  }

  private static Map<String, Object> k8sObject(
      List<Map<String, Object>> objects, String kind, String name) {
    List<Map<String, Object>> matches =
        objects.stream()
            .filter(object -> kind.equals(object.get("kind")))
            .filter(object -> name.equals(map(object.get("metadata")).get("name")))
            .toList();
    assertThat(matches).as("%s %s in deploy/k8s", kind, name).hasSize(1);
    return matches.get(0);
  }

  private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    return list(podSpec.get("containers")).stream().map(DeploymentFilesTest::map).toList();
  }

  private static String probePath(Map<String, Object> container, String probe) {
    return String.valueOf(map(map(container.get(probe)).get("httpGet")).get("path"));
  }

  /**
   * A container's variables: its own {@code env} plus every key of the ConfigMaps and Secrets its
   * {@code envFrom} names, which must exist in the base.
   */
  private static Map<String, Object> environmentOf(
      Map<String, Object> container, List<Map<String, Object>> objects) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Object entry : list(container.get("env"))) {
      variables.put(String.valueOf(map(entry).get("name")), map(entry).get("value"));
    }
    for (Object source : list(container.get("envFrom"))) {
      Map<String, Object> from = map(source);
      if (from.containsKey("configMapRef")) {
        String name = String.valueOf(map(from.get("configMapRef")).get("name"));
        variables.putAll(map(k8sObject(objects, "ConfigMap", name).get("data")));
      }
      if (from.containsKey("secretRef")) {
        Map<String, Object> secret =
            k8sObject(objects, "Secret", String.valueOf(map(from.get("secretRef")).get("name")));
        variables.putAll(map(secret.getOrDefault("stringData", Map.of())));
        variables.putAll(map(secret.getOrDefault("data", Map.of())));
      }
    }
    return variables;
  }

  // --- Grafana and Prometheus ---

  private static String provisionedDataSourceUid() {
    Path file = DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml");
    List<Object> sources = list(map(yamlDocuments(file).get(0)).get("datasources"));
    assertThat(sources).as("provisioned data sources").hasSize(1);
    assertThat(map(sources.get(0))).containsEntry("type", "prometheus");
    return String.valueOf(map(sources.get(0)).get("uid"));
  }

  private static List<String> alertExpressions() {
    List<String> expressions = new ArrayList<>();
    Map<String, Object> rules = map(yamlDocuments(DEPLOY.resolve("prometheus/alerts.yml")).get(0));
    for (Object group : list(rules.get("groups"))) {
      for (Object rule : list(map(group).get("rules"))) {
        assertThat(map(rule)).as("alert rule").containsKeys("alert", "expr");
        expressions.add(String.valueOf(map(rule).get("expr")));
      }
    }
    assertThat(expressions).as("alert rules").isNotEmpty();
    return expressions;
  }

  // --- files and YAML ---

  private static List<Path> files(Path directory, String... suffixes) throws IOException {
    assertThat(directory).as("directory").isDirectory();
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(path -> Stream.of(suffixes).anyMatch(path.toString()::endsWith))
          .sorted()
          .toList();
    }
  }

  private static List<Object> yamlDocuments(Path file) {
    try {
      String text = Files.readString(file);
      List<Object> documents = new ArrayList<>();
      for (Object document : new Yaml().loadAll(text)) {
        documents.add(document);
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compose accepts both a map and a list of {@code NAME=value} strings. */
  private static Map<String, Object> environment(Object environment) {
    if (environment instanceof List<?> entries) {
      Map<String, Object> variables = new LinkedHashMap<>();
      for (Object entry : entries) {
        String[] parts = String.valueOf(entry).split("=", 2);
        variables.put(parts[0], parts.length > 1 ? parts[1] : null);
      }
      return variables;
    }
    return map(environment);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).as("a YAML/JSON mapping").isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    assertThat(value).as("a YAML list").isInstanceOf(List.class);
    return (List<Object>) value;
  }

  private static List<String> strings(Object value) {
    if (value instanceof String string) {
      return List.of(string);
    }
    return list(value).stream().map(String::valueOf).toList();
  }

  /** Where a service finds Kafka and, if it has a database, MongoDB. */
  private static List<String> infrastructureVariables(PlatformService service) {
    return service.hasDatabase()
        ? List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")
        : List.of("KAFKA_BOOTSTRAP_SERVERS");
  }
}
