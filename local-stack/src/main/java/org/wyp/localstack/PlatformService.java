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
 * @param role a service with its REST API and database, or the web front
 */
record PlatformService(String name, Class<?> application, int port, Role role) {

  enum Role {
    /** Owns a database and serves a REST API with OpenAPI docs. */
    SERVICE,
    /** Serves the public page from Kafka alone: no database, no REST API of its own. */
    WEB_FRONT
  }

  boolean hasDatabase() {
    return role == Role.SERVICE;
  }

  String portOption() {
    return name + "-port";
  }
}
