package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wyp.events.round.RoundOpened;

/**
 * The drift check itself, against records that drifted from the document on purpose: the records in
 * the catalog cannot be changed to show it, so these stand in for a record changed in a later
 * commit without its schema.
 */
class RecordSchemasTest {

  private static final String ROUND_OPENED = EventCatalog.of(RoundOpened.class).name();

  record WithANewComponent(UUID roundId, long version, Instant openedAt, String openedBy) {}

  record WithARetypedComponent(UUID roundId, long version, String openedAt) {}

  record WithABoxedVersion(UUID roundId, Long version, Instant openedAt) {}

  record WithAnIgnoredComponent(
      UUID roundId, long version, Instant openedAt, @JsonIgnore String internalNote) {}

  @Test
  void theRealRecordAgrees() {
    assertThat(
            RecordSchemas.disagreements(CatalogueDocument.payload(ROUND_OPENED), RoundOpened.class))
        .isEmpty();
  }

  @Test
  void aComponentTheSchemaDoesNotListIsReported() {
    assertThat(
            RecordSchemas.disagreements(
                CatalogueDocument.payload(ROUND_OPENED), WithANewComponent.class))
        .containsExactly(
            "WithANewComponent: properties of the record missing from the schema: [openedBy]");
  }

  @Test
  void aComponentOfAnotherTypeIsReported() {
    assertThat(
            RecordSchemas.disagreements(
                CatalogueDocument.payload(ROUND_OPENED), WithARetypedComponent.class))
        .containsExactly(
            "WithARetypedComponent.openedAt: format date-time on a plain String component");
  }

  @Test
  void aRequiredBoxedComponentIsReported() {
    assertThat(
            RecordSchemas.disagreements(
                CatalogueDocument.payload(ROUND_OPENED), WithABoxedVersion.class))
        .containsExactly(
            "WithABoxedVersion.version: a boxed Long exists to be null, so it cannot be required");
  }

  @Test
  void aComponentTheCodecIgnoresNeedsNoSchema() {
    assertThat(
            RecordSchemas.disagreements(
                CatalogueDocument.payload(ROUND_OPENED), WithAnIgnoredComponent.class))
        .isEmpty();
  }
}
