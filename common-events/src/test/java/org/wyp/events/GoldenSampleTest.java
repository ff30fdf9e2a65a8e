package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Each catalog type against its hand-written golden sample: a renamed, removed or retyped field, or
 * a changed wire representation, breaks the build here.
 */
class GoldenSampleTest {

  static Stream<Named<EventType>> catalog() {
    return GoldenSamples.catalog();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void everyCatalogTypeHasAGoldenSample(EventType type) {
    assertThat(GoldenSamples.bytesOrNull(type))
        .as("golden sample %s", GoldenSamples.file(type))
        .isNotNull()
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void goldenSampleParsesWithEveryComponentSet(EventType type) {
    DomainEvent event = EventCodec.fromJson(GoldenSamples.bytes(type), type.javaType());

    assertThat(event).isInstanceOf(type.javaType());
    assertThat(GoldenSamples.missingValues(event, type.javaType().getSimpleName()))
        .as("components that are null or empty after parsing %s", type.name())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void goldenSampleNamesExactlyTheRecordComponents(EventType type) {
    List<String> components =
        Arrays.stream(type.javaType().getRecordComponents()).map(RecordComponent::getName).toList();

    assertThat(GoldenSamples.tree(type).propertyNames())
        .containsExactlyInAnyOrderElementsOf(components);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void serialisingTheParsedSampleGivesBackTheGoldenJson(EventType type) {
    DomainEvent event = EventCodec.fromJson(GoldenSamples.bytes(type), type.javaType());

    JsonNode written = GoldenSamples.TREES.readTree(EventCodec.toJson(event));

    assertThat(written).isEqualTo(GoldenSamples.tree(type));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void jsonStringMatchesJsonBytes(EventType type) {
    DomainEvent event = GoldenSamples.event(type);

    assertThat(GoldenSamples.TREES.readTree(EventCodec.toJsonString(event)))
        .isEqualTo(GoldenSamples.tree(type));
  }

  @Test
  void everyGoldenFileBelongsToACatalogType() throws IOException {
    assertThat(GoldenSamples.FOLDER).isDirectory();
    Set<String> expected =
        EventCatalog.ALL.stream().map(type -> type.name() + ".json").collect(Collectors.toSet());

    List<String> files;
    try (Stream<Path> listing = Files.list(GoldenSamples.FOLDER)) {
      files = listing.map(path -> path.getFileName().toString()).toList();
    }

    assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(expected).contains(file));
  }
}
