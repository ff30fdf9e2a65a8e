package org.wyp.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code wyp-kit-defaults.properties} to every service's environment, behind command-line
 * arguments, system properties, environment variables and Boot's config data. It must be there
 * before auto-configuration starts: conditions such as which actuator endpoints are exposed are
 * decided while the configuration classes are read, too early for a {@code @PropertySource} on the
 * kit's auto-configuration.
 *
 * <p>A service's own {@code @PropertySource} file is added later still, and so ranks below these
 * defaults: a service changes a kit default through its environment or arguments, not that file. No
 * key is in both today.
 */
public class KitDefaultProperties implements EnvironmentPostProcessor {

  static final String NAME = "wyp-kit-defaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(NAME) || excludesTheKit(application)) {
      return;
    }
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource(NAME, "classpath:wyp-kit-defaults.properties"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An application that excludes the kit's auto-configuration (the web front, when it shares a
   * class path with the services in the local stack) does not get its defaults either: they name
   * health contributors and consumer settings it does not have.
   */
  private static boolean excludesTheKit(SpringApplication application) {
    for (Object source : application.getAllSources()) {
      if (source instanceof Class<?> type) {
        MergedAnnotation<EnableAutoConfiguration> auto =
            MergedAnnotations.from(type, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(EnableAutoConfiguration.class);
        if (auto.isPresent()
            && (List.of(auto.getStringArray("excludeName"))
                    .contains(KitAutoConfiguration.class.getName())
                || List.of(auto.getClassArray("exclude")).contains(KitAutoConfiguration.class))) {
          return true;
        }
      }
    }
    return false;
  }
}
