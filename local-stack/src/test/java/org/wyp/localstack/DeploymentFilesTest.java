package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wyp.kit.WypProperties;
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

  /** Variables the code reads directly, through the placeholders in its settings files. */
  private static final Set<String> DIRECT_ENV_VARS =
      Set.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");

  /** Prefixes of variables that Spring Boot binds to properties (relaxed binding). */
  private static final List<String> BOUND_ENV_PREFIXES = List.of("SPRING_", "WYP_", "MANAGEMENT_");

  private static final Pattern WYP_METRIC = Pattern.compile("\\bwyp_[a-z0-9_]+");

  private static final Pattern HEALTH_PATH = Pattern.compile("/actuator/health[A-Za-z0-9/_-]*");

  private static final JsonMapper JSON = JsonMapper.builder().build();

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
    Set<String> known = knownPropertyNames();
    Set<String> mapProperties = bootMapPropertyNames();
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
        assertThat(isReadByTheCode(variable, known, mapProperties))
            .as(
                "%s sets %s: neither KAFKA_BOOTSTRAP_SERVERS/MONGODB_URI nor the relaxed form of a"
                    + " property the code or Spring Boot knows",
                entry.getKey(), variable)
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
    List<String> files = new ArrayList<>();
    files.add("wyp-kit-defaults.properties");
    PlatformServices.ALL.forEach(service -> files.add(service.name() + ".properties"));
    for (String file : files) {
      try (InputStream in = DeploymentFilesTest.class.getClassLoader().getResourceAsStream(file)) {
        assertThat(in).as("settings file %s on the class path", file).isNotNull();
        Properties properties = new Properties();
        properties.load(in);
        names.addAll(properties.stringPropertyNames());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    addRecordProperties("wyp", WypProperties.class, names);
    return names;
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

  /** Map-typed properties from Spring Boot's configuration metadata (keys may follow the name). */
  private static Set<String> bootMapPropertyNames() {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> resources =
          DeploymentFilesTest.class
              .getClassLoader()
              .getResources("META-INF/spring-configuration-metadata.json");
      for (URL resource : Collections.list(resources)) {
        try (InputStream in = resource.openStream()) {
          for (JsonNode property : JSON.readTree(in).path("properties")) {
            if (property.path("type").asString("").startsWith("java.util.Map")) {
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
      String variable, Set<String> properties, Set<String> mapProperties) {
    if (DIRECT_ENV_VARS.contains(variable)) {
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
