package org.wyp.kit.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * One in-process MongoDB wire-protocol server (mongo-java-server, memory backend) per test JVM, on
 * a free loopback port. Tests isolate themselves by database name, not by server.
 */
public final class EmbeddedMongo {

  private static MongoServer server;
  private static String connectionString;

  private EmbeddedMongo() {}

  public static synchronized String connectionString() {
    if (server == null) {
      server = new MongoServer(new MemoryBackend());
      server.bind("127.0.0.1", 0);
      InetSocketAddress address = server.getLocalAddress();
      connectionString = "mongodb://127.0.0.1:" + address.getPort();
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
    }
    return connectionString;
  }

  /** A URI for a database of its own. */
  public static String uri(String database) {
    return connectionString() + "/" + database;
  }
}
