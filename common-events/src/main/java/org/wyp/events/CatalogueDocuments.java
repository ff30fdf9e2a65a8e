package org.wyp.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.wyp.events.view.PublicViews;

/**
 * Where the event catalogue's documents are on the class path: the AsyncAPI document naming every
 * topic, key, event type and payload, and the JSON Schema of each public view kind. They are
 * maintained by hand beside the records and checked against them by this module's tests.
 */
public final class CatalogueDocuments {

  /** The AsyncAPI 3.0.0 document, YAML. Its view payloads refer to {@link #viewSchema}. */
  public static final String ASYNCAPI = "org/wyp/events/asyncapi.yaml";

  /** The folder of the view schemas, relative to the AsyncAPI document's folder. */
  public static final String VIEW_SCHEMA_FOLDER = "schemas/view/";

  private static final String BASE = "org/wyp/events/";

  private CatalogueDocuments() {}

  /**
   * The class-path name of a view kind's JSON Schema (draft 2020-12).
   *
   * @throws IllegalArgumentException for a kind that is not one of {@link PublicViews#KINDS}
   */
  public static String viewSchema(String kind) {
    if (!PublicViews.KINDS.contains(kind)) {
      throw new IllegalArgumentException("not a public view kind: " + kind);
    }
    return BASE + VIEW_SCHEMA_FOLDER + kind + ".schema.json";
  }

  /** The bytes of one of these documents. */
  public static byte[] read(String resource) {
    try (InputStream in = CatalogueDocuments.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
