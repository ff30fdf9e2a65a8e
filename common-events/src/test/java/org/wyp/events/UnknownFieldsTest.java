package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.problem.ProblemPublished;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Adding an optional field is a compatible change: readers of this version ignore it. */
class UnknownFieldsTest {

  @Test
  void problemPublishedIgnoresUnknownFieldsAtTopLevelAndInsideItsContent() {
    EventType type = EventCatalog.of(ProblemPublished.class);
    ObjectNode json = (ObjectNode) GoldenSamples.tree(type);
    json.put("channel", "web");
    json.putObject("provenance").put("importedFrom", "legacy-portal").put("batch", 7);
    ObjectNode content = (ObjectNode) json.get("content");
    content.put("readingAge", 9);
    content.putArray("keywords").add("outpatients").add("reminders");
    ((ObjectNode) content.get("datasets").get(0)).put("licence", "OGL-UK-3.0");

    assertParsesLikeTheGoldenSample(type, json);
  }

  @Test
  void judgingConcludedIgnoresUnknownFieldsAtTopLevelAndInsideARankingEntry() {
    EventType type = EventCatalog.of(JudgingConcluded.class);
    ObjectNode json = (ObjectNode) GoldenSamples.tree(type);
    json.put("panelSize", 5);
    json.putNull("appealDeadline");
    ObjectNode firstPlace = (ObjectNode) json.get("ranking").get(0);
    firstPlace.put("tieBreak", "median total");
    firstPlace.putObject("breakdown").put("impact", 4.5);

    assertParsesLikeTheGoldenSample(type, json);
  }

  private static void assertParsesLikeTheGoldenSample(EventType type, JsonNode extended) {
    byte[] extendedBytes = GoldenSamples.TREES.writeValueAsBytes(extended);
    assertThat(GoldenSamples.TREES.readTree(extendedBytes))
        .as("the extended JSON really differs from the golden sample")
        .isNotEqualTo(GoldenSamples.tree(type));

    DomainEvent parsed = EventCodec.fromJson(extendedBytes, type.javaType());

    assertThat(parsed).isEqualTo(GoldenSamples.event(type));
  }
}
