package org.wyp.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every PromQL expression under {@code deploy/}: each query of each panel of each Grafana
 * dashboard, with the dashboard's variables replaced as Grafana would, and each alert rule's.
 */
final class DeployedQueries {

  /** One expression, named by where it comes from. */
  record Query(String source, String expression) {}

  /**
   * Grafana's own variables, as a dashboard showing the last hour would set them. {@code
   * $__rate_interval} is at least four scrape intervals; a minute covers the test's whole run.
   */
  static final Map<String, String> GRAFANA_VARIABLES =
      Map.of(
          "__rate_interval", "1m",
          "__interval", "15s",
          "__interval_ms", "15000",
          "__range", "1h",
          "__range_s", "3600",
          "__range_ms", "3600000");

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^]]*)?]]|\\$(\\w+)");

  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*(?:(.+?)\\s*,\\s*)?(\\w+)\\s*\\)");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DeployedQueries() {}

  /**
   * Every panel query of every dashboard in {@code dashboards}, rows' panels included.
   *
   * @param labelValues answers a {@code label_values(metric, label)} variable: the values of {@code
   *     label} on series of {@code metric} (null for any series), as Prometheus has them
   */
  static List<Query> dashboardQueries(
      Path dashboards, BiFunction<String, String, List<String>> labelValues) throws IOException {
    List<Query> queries = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> paths = Files.list(dashboards)) {
      files = paths.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      Map<String, String> variables = variables(dashboard, labelValues);
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          String expression = target.path("expr").asString("");
          queries.add(
              new Query(
                  "%s panel \"%s\" %s"
                      .formatted(
                          file.getFileName(),
                          panel.path("title").asString(""),
                          target.path("refId").asString("")),
                  substitute(expression, variables)));
        }
      }
    }
    return queries;
  }

  /** Every rule's expression in a Prometheus rule file, named by its alert or record name. */
  @SuppressWarnings("unchecked")
  static List<Query> ruleQueries(Path rules) throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(rules));
    List<Query> queries = new ArrayList<>();
    for (Object group : (List<Object>) file.getOrDefault("groups", List.of())) {
      for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
        Map<String, Object> definition = (Map<String, Object>) rule;
        Object name = definition.getOrDefault("alert", definition.get("record"));
        queries.add(
            new Query(
                "%s rule %s".formatted(rules.getFileName(), name),
                String.valueOf(definition.get("expr")).strip()));
      }
    }
    return queries;
  }

  /**
   * The left-hand side of an expression's outermost comparison ({@code up == 0} gives {@code up}),
   * or the whole expression when it compares nothing. An alert's expression has series only while
   * it fires; its left-hand side is the value it watches, which has them whenever the platform
   * reports that value at all.
   */
  static String comparedValue(String expression) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '"', '\'', '`' -> quote = c;
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        case '>', '<' -> {
          if (depth == 0) {
            return expression.substring(0, i).strip();
          }
        }
        case '=', '!' -> {
          if (depth == 0 && i + 1 < expression.length() && expression.charAt(i + 1) == '=') {
            return expression.substring(0, i).strip();
          }
        }
        default -> {}
      }
    }
    return expression.strip();
  }

  /** Replaces {@code $name}, {@code ${name}}, {@code ${name:format}} and {@code [[name]]}. */
  static String substitute(String expression, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(expression);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name =
          Stream.of(matcher.group(1), matcher.group(2), matcher.group(3))
              .filter(group -> group != null)
              .findFirst()
              .orElseThrow();
      String value = variables.get(name);
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(value == null ? matcher.group() : value));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /**
   * Grafana's variables and the dashboard's own. A {@code label_values} query variable takes the
   * first value Prometheus has (every value, as a regex alternation, where it may take several);
   * other kinds take their current value, else their first option.
   */
  private static Map<String, String> variables(
      JsonNode dashboard, BiFunction<String, String, List<String>> labelValues) {
    Map<String, String> variables = new LinkedHashMap<>(GRAFANA_VARIABLES);
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      String name = variable.path("name").asString("");
      String value;
      if ("query".equals(variable.path("type").asString(""))) {
        JsonNode query = variable.path("query");
        String text =
            substitute(
                query.isObject() ? query.path("query").asString("") : query.asString(""),
                variables);
        Matcher matcher = LABEL_VALUES.matcher(text);
        if (!matcher.find()) {
          throw new IllegalArgumentException(
              "variable " + name + ": only label_values(...) queries are supported, not " + text);
        }
        List<String> values = labelValues.apply(matcher.group(1), matcher.group(2));
        if (values.isEmpty()) {
          throw new IllegalStateException(
              "variable " + name + ": Prometheus has no values for " + text);
        }
        boolean several =
            variable.path("multi").asBoolean(false) || variable.path("includeAll").asBoolean(false);
        value = several ? String.join("|", values) : values.getFirst();
      } else {
        JsonNode current = variable.path("current").path("value");
        JsonNode options = variable.path("options");
        value =
            current.isArray()
                ? current.path(0).asString("")
                : current.asString(
                    options.isEmpty()
                        ? variable.path("query").asString("")
                        : options.path(0).path("value").asString(""));
      }
      variables.put(name, value);
    }
    return variables;
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }
}
