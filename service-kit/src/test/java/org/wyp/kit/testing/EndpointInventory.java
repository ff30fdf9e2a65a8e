package org.wyp.kit.testing;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint a service's controllers declare, as {@code "METHOD /path/{pattern}"}: what an
 * authorization matrix must cover, so that an endpoint added without a row fails the test.
 */
public final class EndpointInventory {

  private EndpointInventory() {}

  /** The service's own endpoints under {@code prefix} (e.g. {@code /api/}). */
  public static Set<String> of(ApplicationContext context, String prefix) {
    Set<String> endpoints = new TreeSet<>();
    RequestMappingHandlerMapping mapping =
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith(prefix)) {
          continue;
        }
        var methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
          endpoints.add("ANY " + pattern);
        }
        methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
      }
    }
    return endpoints;
  }
}
