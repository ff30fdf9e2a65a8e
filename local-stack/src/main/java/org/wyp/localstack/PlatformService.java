package org.wyp.localstack;

/**
 * One service of the platform as the local stack runs it.
 *
 * <p>The name and port repeat the service's own settings file so that the local stack can offer
 * {@code --<name>-port} and print URLs before the service has started.
 *
 * @param name the service's {@code spring.application.name}, also its option prefix ({@code
 *     --<name>-port})
 * @param application the service's {@code @SpringBootApplication} class
 * @param port the service's HTTP port
 * @param hasApi whether it serves a REST API with OpenAPI docs (the web front serves a page)
 */
record PlatformService(String name, Class<?> application, int port, boolean hasApi) {

  String portOption() {
    return name + "-port";
  }
}
