package org.wyp.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wyp.kit.testing.Http;

/** Starting the local stack in a test: every port free, a data directory of the test's own. */
final class StackOnFreePorts {

  private StackOnFreePorts() {}

  /**
   * Options for the broker, its controller, the wire server, the token issuer and every service on
   * free ports. Kept for a second start, a restart on the same data uses the same addresses, as a
   * developer's would.
   */
  static LocalStackOptions options(Path dataDir) throws IOException {
    List<PlatformService> services = PlatformServices.ALL;
    List<Integer> ports = freePorts(4 + services.size());
    List<String> args = new ArrayList<>();
    args.add("--data-dir=" + dataDir);
    args.add("--kafka-port=" + ports.get(0));
    args.add("--kafka-controller-port=" + ports.get(1));
    args.add("--mongo-port=" + ports.get(2));
    args.add("--issuer-port=" + ports.get(3));
    for (int i = 0; i < services.size(); i++) {
      args.add("--" + services.get(i).portOption() + "=" + ports.get(4 + i));
    }
    // The test embeds its own infrastructure even where KAFKA_BOOTSTRAP_SERVERS is set.
    return LocalStackOptions.parse(args.toArray(String[]::new), Map.of(), services);
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

  static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
