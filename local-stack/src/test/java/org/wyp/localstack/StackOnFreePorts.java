package org.wyp.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.wyp.kit.testing.Http;

/** Starting the local stack in a test: every port free, a data directory of the test's own. */
final class StackOnFreePorts {

  private StackOnFreePorts() {}

  /**
   * Options with every port free and no external infrastructure, even where KAFKA_BOOTSTRAP_SERVERS
   * is set. Kept for a second start, a restart on the same data uses the same addresses, as a
   * developer's would.
   */
  static LocalStackOptions options(Path dataDir) throws IOException {
    return LocalStackOptions.onFreePorts(dataDir, PlatformServices.ALL);
  }

  static void awaitHealthy(Http service) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Http.Response health = service.get("/actuator/health");
              return health.status() == 200 && "UP".equals(health.text("status"));
            });
  }
}
