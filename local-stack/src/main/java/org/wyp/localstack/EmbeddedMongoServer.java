package org.wyp.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * The MongoDB wire-protocol server (mongo-java-server) with its H2 file backend, standing in for
 * MongoDB where neither MongoDB nor Docker is installed. Every database lives in one H2 file.
 */
final class EmbeddedMongoServer implements AutoCloseable {

  private final MongoServer server;
  private final String connectionString;
  private final Path file;

  private EmbeddedMongoServer(MongoServer server, String connectionString, Path file) {
    this.server = server;
    this.connectionString = connectionString;
    this.file = file;
  }

  /**
   * Opens (or creates) {@code file} and listens on 127.0.0.1:{@code port}. H2 locks the file, so a
   * second stack on the same data fails here rather than corrupting it.
   */
  static EmbeddedMongoServer start(Path file, int port) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    H2Backend backend;
    try {
      backend = new H2Backend(file.toString());
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new IllegalStateException(
            file + " is in use by another process (is another local stack using this data?)", e);
      }
      throw e;
    }
    MongoServer server = new MongoServer(backend);
    try {
      server.bind("127.0.0.1", port);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    return new EmbeddedMongoServer(server, "mongodb://127.0.0.1:" + port, file);
  }

  String connectionString() {
    return connectionString;
  }

  Path file() {
    return file;
  }

  /**
   * Disconnects any remaining clients and closes the backend, which commits and closes the H2
   * store: writes still buffered in memory reach the file.
   */
  @Override
  public void close() {
    server.shutdownNow();
  }
}
