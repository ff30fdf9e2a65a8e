package org.wyp.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code /actuator/prometheus} page, read over HTTP and parsed line by line as
 * Prometheus would read it.
 */
public final class PrometheusScrape {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String text;

  private PrometheusScrape(String text) {
    this.text = text;
  }

  public static PrometheusScrape of(Http http) {
    Http.Response response = http.get("/actuator/prometheus");
    assertThat(response.status()).as("scrape answer %s", response.status()).isEqualTo(200);
    return new PrometheusScrape(response.body());
  }

  /**
   * The value of the one sample named {@code name} whose labels include all of {@code labels}.
   *
   * @return empty when no sample matches
   * @throws AssertionError when several match, which means the labels given were not enough
   */
  public OptionalDouble value(String name, Map<String, String> labels) {
    OptionalDouble found = OptionalDouble.empty();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.strip());
      if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      Map<String, String> lineLabels = labels(sample.group(2));
      if (lineLabels.entrySet().containsAll(labels.entrySet())) {
        if (found.isPresent()) {
          throw new AssertionError("several samples of " + name + " match " + labels);
        }
        found = OptionalDouble.of(Double.parseDouble(sample.group(3)));
      }
    }
    return found;
  }

  /** Whether any sample of {@code name} is on the page. */
  public boolean has(String name) {
    return text.lines()
        .anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
  }

  private static Map<String, String> labels(String labels) {
    Map<String, String> parsed = new LinkedHashMap<>();
    if (labels != null) {
      Matcher label = LABEL.matcher(labels);
      while (label.find()) {
        parsed.put(label.group(1), label.group(2));
      }
    }
    return parsed;
  }

  @Override
  public String toString() {
    return text;
  }
}
