package org.wyp.kit.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.events.CatalogueDocuments;
import org.wyp.events.view.PublicViews;
import org.wyp.kit.domain.NotFoundException;

/**
 * Serves the platform's event catalogue from {@code common-events}, the same in every service: the
 * AsyncAPI document, and the view schemas at the paths its relative references resolve to. Both are
 * public, like the topics they describe to front ends.
 */
@RestController
public class EventCatalogueController {

  public static final String ASYNCAPI_PATH = "/asyncapi.yaml";
  public static final String VIEW_SCHEMA_PATH =
      "/" + CatalogueDocuments.VIEW_SCHEMA_FOLDER + "{kind}.schema.json";

  /** RFC 9512. */
  static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

  static final MediaType APPLICATION_SCHEMA_JSON =
      MediaType.parseMediaType("application/schema+json");

  // Read once: the documents are part of the build and never change while the service runs.
  private final byte[] asyncApi = CatalogueDocuments.read(CatalogueDocuments.ASYNCAPI);

  @GetMapping(ASYNCAPI_PATH)
  ResponseEntity<byte[]> asyncApi() {
    return ResponseEntity.ok().contentType(APPLICATION_YAML).body(asyncApi);
  }

  @GetMapping(VIEW_SCHEMA_PATH)
  ResponseEntity<byte[]> viewSchema(@PathVariable String kind) {
    if (!PublicViews.KINDS.contains(kind)) {
      throw new NotFoundException("view schema", kind);
    }
    return ResponseEntity.ok()
        .contentType(APPLICATION_SCHEMA_JSON)
        .body(CatalogueDocuments.read(CatalogueDocuments.viewSchema(kind)));
  }
}
