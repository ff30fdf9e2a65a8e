package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wyp.events.CatalogueDocument.Located;
import org.wyp.events.judging.ConflictDeclared;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.problem.ProblemEndorsed;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.view.PublicView;
import org.wyp.events.view.PublicViews;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas against real JSON: every golden sample and a sample of every view validate against
 * their payload schemas (formats asserted), as do their CloudEvents headers and record keys; the
 * optional properties really may be left out; and broken samples fail for the reason expected, so
 * the validator is known to check.
 */
class CatalogueSchemaValidationTest {

  private static final Instant TIME = Instant.parse("2026-06-10T17:30:00Z");

  static Stream<Named<EventType>> catalog() {
    return GoldenSamples.catalog();
  }

  static Stream<Named<String>> kinds() {
    return ViewSamples.kinds();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void goldenSampleIsValidAgainstItsPayloadSchema(EventType type) {
    assertThat(
            CatalogueDocument.errors(
                CatalogueDocument.payloadSchema(type.name()), GoldenSamples.tree(type)))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void goldenSampleWithoutAnOptionalPropertyIsValidAndDecodes(EventType type) {
    Schema schema = CatalogueDocument.payloadSchema(type.name());
    List<String> optional = new ArrayList<>();
    optionalPaths(CatalogueDocument.payload(type.name()), GoldenSamples.tree(type), "", optional);

    for (String path : optional) {
      JsonNode sample = GoldenSamples.tree(type);
      remove(sample, path);
      byte[] json = GoldenSamples.TREES.writeValueAsBytes(sample);

      assertThat(CatalogueDocument.errors(schema, sample)).as("without %s", path).isEmpty();
      assertThatCode(() -> EventCodec.fromJson(json, type.javaType()))
          .as("decoding without %s", path)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void headersAndKeyOfAGoldenEventAreValid(EventType type) {
    DomainEvent event = GoldenSamples.event(type);
    EventEnvelope envelope =
        EventEnvelope.wrap(event, AsyncApiDocumentTest.sourceOf(type.name()), TIME);
    JsonNode headers = CatalogueDocument.toTree(CloudEventHeaders.of(envelope));

    assertThat(CatalogueDocument.errors(CatalogueDocument.headersSchema(type.name()), headers))
        .isEmpty();
    assertThat(
            CatalogueDocument.errors(
                CatalogueDocument.keySchema(type.name()),
                JsonNodeFactory.instance.stringNode(envelope.key())))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void headersOfAnotherTypeAreInvalid(EventType type) {
    EventType other =
        EventCatalog.ALL.get((EventCatalog.ALL.indexOf(type) + 1) % EventCatalog.ALL.size());
    EventEnvelope envelope =
        EventEnvelope.wrap(
            GoldenSamples.event(other), AsyncApiDocumentTest.sourceOf(type.name()), TIME);

    assertThat(
            keywords(
                CatalogueDocument.headersSchema(type.name()),
                CatalogueDocument.toTree(CloudEventHeaders.of(envelope))))
        .contains("const");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void viewSampleIsValidAgainstItsSchemaFileAndItsMessage(String kind) {
    PublicView view = ViewSamples.full(kind);
    JsonNode json = CatalogueDocument.readJson(EventCodec.toJsonString(view));

    assertThat(GoldenSamples.missingValues(view, kind)).as("the sample sets everything").isEmpty();
    assertThat(CatalogueDocument.errors(CatalogueDocument.viewSchema(kind), json)).isEmpty();
    assertThat(
            CatalogueDocument.errors(CatalogueDocument.payloadSchema(PublicViews.type(kind)), json))
        .isEmpty();
    assertThat(CatalogueDocument.fields(json).keySet())
        .as("what the codec writes is what the schema lists")
        .containsExactlyInAnyOrderElementsOf(
            CatalogueDocument.fields(
                    CatalogueDocument.load(CatalogueDocuments.viewSchema(kind)).path("properties"))
                .keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void viewWithEveryOptionalComponentNullIsValidAndReadsBack(String kind) {
    Set<String> optional = optionalComponents(kind);
    PublicView view = ViewSamples.withNull(kind, optional);
    String json = EventCodec.toJsonString(view);

    assertThat(
            CatalogueDocument.errors(
                CatalogueDocument.viewSchema(kind), CatalogueDocument.readJson(json)))
        .as("%s without %s", kind, optional)
        .isEmpty();
    assertThat(
            EventCodec.viewFromJson(
                json.getBytes(StandardCharsets.UTF_8), PublicViews.classOf(kind)))
        .isEqualTo(view);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void viewWithARequiredComponentNullIsInvalid(String kind) throws ReflectiveOperationException {
    JsonNode schema = CatalogueDocument.load(CatalogueDocuments.viewSchema(kind));
    List<String> nullable =
        CatalogueDocument.texts(schema.path("required")).stream()
            .filter(
                name ->
                    !RecordSchemas.jsonProperties(PublicViews.classOf(kind))
                        .get(name)
                        .getType()
                        .isPrimitive())
            .toList();

    assertThat(nullable).isNotEmpty();
    for (String name : nullable) {
      PublicView view = ViewSamples.withNull(kind, Set.of(name));
      if (RecordSchemas.jsonProperties(view.getClass()).get(name).getAccessor().invoke(view)
          != null) {
        continue; // the record replaces null (an empty list), so the property is always there
      }
      assertThat(
              keywords(
                  CatalogueDocument.viewSchema(kind),
                  CatalogueDocument.readJson(EventCodec.toJsonString(view))))
          .as("%s with %s null", kind, name)
          .contains("required");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void headersAndKeyOfAViewAndOfItsTombstoneAreValid(String kind) {
    String type = PublicViews.type(kind);
    PublicView view = ViewSamples.full(kind);
    JsonNode headers =
        CatalogueDocument.toTree(
            CloudEventHeaders.of(
                Uuids.v7().toString(),
                AsyncApiDocumentTest.sourceOf(type),
                type,
                TIME.toString(),
                view.viewId().toString()));
    JsonNode key = JsonNodeFactory.instance.stringNode(PublicViews.key(kind, view.viewId()));
    JsonNode otherKindsKey =
        JsonNodeFactory.instance.stringNode(
            PublicViews.key(kind.equals("round") ? "fund" : "round", view.viewId()));

    assertThat(CatalogueDocument.errors(CatalogueDocument.headersSchema(type), headers)).isEmpty();
    assertThat(CatalogueDocument.errors(CatalogueDocument.keySchema(type), key)).isEmpty();
    assertThat(keywords(CatalogueDocument.keySchema(type), otherKindsKey)).contains("pattern");
    assertThat(CatalogueDocument.errors(CatalogueDocument.headersSchema("tombstone"), headers))
        .isEmpty();
    assertThat(CatalogueDocument.errors(CatalogueDocument.keySchema("tombstone"), key)).isEmpty();
  }

  @Test
  void aTombstoneHasNoValue() {
    Schema tombstone = CatalogueDocument.payloadSchema("tombstone");

    assertThat(CatalogueDocument.errors(tombstone, JsonNodeFactory.instance.nullNode())).isEmpty();
    assertThat(
            keywords(
                tombstone,
                CatalogueDocument.readJson(
                    EventCodec.toJsonString(ViewSamples.full(PublicViews.ROUND)))))
        .contains("type");
  }

  /** A golden sample with one thing wrong, and the keyword that must catch it. */
  record Broken(EventType type, Consumer<ObjectNode> damage, String keyword) {}

  static Stream<Named<Broken>> broken() {
    EventType published = EventCatalog.of(ProblemPublished.class);
    EventType concluded = EventCatalog.of(JudgingConcluded.class);
    EventType scored = EventCatalog.of(PitchScored.class);
    EventType endorsed = EventCatalog.of(ProblemEndorsed.class);
    EventType conflict = EventCatalog.of(ConflictDeclared.class);
    return Stream.of(
        broken(
            "a required property left out", published, json -> json.remove("roundId"), "required"),
        broken("a required property null", published, json -> json.putNull("publishedAt"), "type"),
        broken("a version as text", published, json -> json.put("version", "1"), "type"),
        broken("a version of 0", published, json -> json.put("version", 0), "minimum"),
        // Draft 2020-12 only annotates formats unless told to assert them; the validator is.
        broken("an id that is no UUID", published, json -> json.put("problemId", "P-42"), "format"),
        broken(
            "a time that is no RFC 3339 date-time",
            published,
            json -> json.put("publishedAt", "2026-03-02 11:15"),
            "format"),
        broken(
            "a nested required property left out",
            published,
            json -> ((ObjectNode) json.get("content")).remove("title"),
            "required"),
        broken(
            "a value outside an enum, nested in a list",
            published,
            json -> ((ObjectNode) json.at("/content/datasets/0")).put("accessLevel", "SECRET"),
            "enum"),
        broken("a stage no one knows", concluded, json -> json.put("stage", "SEMIFINAL"), "enum"),
        broken(
            "a rank as text inside the ranking",
            concluded,
            json -> ((ObjectNode) json.at("/ranking/0")).put("rank", "1"),
            "type"),
        broken(
            "a fractional score for a criterion",
            scored,
            json -> ((ObjectNode) json.get("scores")).put("impact", 4.5),
            "type"),
        broken("a total above 100", scored, json -> json.put("total", 100.5), "maximum"),
        broken("an optional property null", endorsed, json -> json.putNull("note"), "type"),
        broken(
            "a conflict with neither a pitch nor an SME",
            conflict,
            json -> {
              json.remove("pitchId");
              json.remove("smeId");
            },
            // anyOf reports the required property each branch misses.
            "required"));
  }

  private static Named<Broken> broken(
      String name, EventType type, Consumer<ObjectNode> damage, String keyword) {
    return Named.of(name + " (" + type.name() + ")", new Broken(type, damage, keyword));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void aBrokenSampleFailsValidationForTheRightReason(Broken broken) {
    ObjectNode sample = (ObjectNode) GoldenSamples.tree(broken.type());
    broken.damage().accept(sample);

    assertThat(keywords(CatalogueDocument.payloadSchema(broken.type().name()), sample))
        .contains(broken.keyword());
  }

  @Test
  void aBrokenViewFailsValidation() {
    String kind = PublicViews.LEADERBOARD;
    Schema schema = CatalogueDocument.viewSchema(kind);
    ObjectNode board =
        (ObjectNode) CatalogueDocument.readJson(EventCodec.toJsonString(ViewSamples.full(kind)));
    ObjectNode paused = board.deepCopy().put("status", "PAUSED");
    ObjectNode textCount = board.deepCopy();
    ((ObjectNode) textCount.at("/entries/0")).put("scoresIn", "4");
    ObjectNode noRoundId = board.deepCopy();
    noRoundId.remove("roundId");

    assertThat(keywords(schema, paused)).contains("enum");
    assertThat(keywords(schema, textCount)).contains("type");
    assertThat(keywords(schema, noRoundId)).contains("required");
  }

  @Test
  void unknownPropertiesAreValidAsTheEvolutionRuleRequires() {
    EventType type = EventCatalog.of(JudgingConcluded.class);
    ObjectNode sample = (ObjectNode) GoldenSamples.tree(type);
    sample.put("panelSize", 5);
    ((ObjectNode) sample.at("/ranking/0")).put("tieBreak", "median total");
    ObjectNode board =
        (ObjectNode)
            CatalogueDocument.readJson(
                EventCodec.toJsonString(ViewSamples.full(PublicViews.LEADERBOARD)));
    board.put("panelNote", "five judges");
    ((ObjectNode) board.at("/entries/0")).put("trend", "up");

    assertThat(CatalogueDocument.errors(CatalogueDocument.payloadSchema(type.name()), sample))
        .isEmpty();
    assertThat(
            CatalogueDocument.errors(CatalogueDocument.viewSchema(PublicViews.LEADERBOARD), board))
        .isEmpty();
  }

  /** The keywords of the validator's findings: required, type, format, enum, and so on. */
  private static Set<String> keywords(Schema schema, JsonNode instance) {
    Set<String> keywords = new LinkedHashSet<>();
    for (Error error : schema.validate(instance)) {
      keywords.add(error.getKeyword());
    }
    return keywords;
  }

  /**
   * The JSON pointers of the properties present in {@code instance} that {@code schema} does not
   * require, at any depth (through objects, and the first element of arrays).
   */
  private static void optionalPaths(
      Located at, JsonNode instance, String pointer, List<String> out) {
    Located schema = CatalogueDocument.resolve(at);
    JsonNode node = schema.node();
    if (instance.isObject() && node.has("properties")) {
      List<String> required = CatalogueDocument.texts(node.path("required"));
      for (Map.Entry<String, JsonNode> property :
          CatalogueDocument.fields(node.path("properties")).entrySet()) {
        String name = property.getKey();
        if (!instance.has(name)) {
          continue;
        }
        if (!required.contains(name)) {
          out.add(pointer + "/" + name);
        }
        optionalPaths(
            schema.path("properties").path(name), instance.get(name), pointer + "/" + name, out);
      }
    } else if (instance.isArray() && !instance.isEmpty() && node.has("items")) {
      optionalPaths(schema.path("items"), instance.get(0), pointer + "/0", out);
    }
  }

  private static void remove(JsonNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
    ((ObjectNode) parent).remove(pointer.substring(slash + 1));
  }

  /**
   * The components a view kind's schema does not require, as {@link ViewSamples#withNull} names
   * them.
   */
  private static Set<String> optionalComponents(String kind) {
    JsonNode schema = CatalogueDocument.load(CatalogueDocuments.viewSchema(kind));
    Set<String> optional = new LinkedHashSet<>();
    List<String> required = CatalogueDocument.texts(schema.path("required"));
    CatalogueDocument.fields(schema.path("properties"))
        .forEach(
            (name, property) -> {
              if (!required.contains(name)) {
                optional.add(name);
              }
              JsonNode items = property.path("items");
              if (items.has("properties")) {
                List<String> itemRequired = CatalogueDocument.texts(items.path("required"));
                CatalogueDocument.fields(items.path("properties"))
                    .keySet()
                    .forEach(
                        item -> {
                          if (!itemRequired.contains(item)) {
                            optional.add(name + "." + item);
                          }
                        });
              }
            });
    return optional;
  }
}
