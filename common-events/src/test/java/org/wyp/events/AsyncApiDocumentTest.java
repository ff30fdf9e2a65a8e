package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wyp.events.award.AllocationPolicy;
import org.wyp.events.view.PublicLeaderboard;
import org.wyp.events.view.PublicView;
import org.wyp.events.view.PublicViews;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AsyncAPI document against the contract in code: every topic in {@link Topics} is a channel
 * and every channel a topic; every {@link EventCatalog} type and every view kind is a message on
 * the right channel and every message is one of them; each payload schema names exactly the
 * record's JSON properties, with their types and an honest required list; keys and subjects are the
 * properties the records key by. Renaming a field, adding an event or moving it to another topic
 * without changing the document fails here.
 */
class AsyncApiDocumentTest {

  /** The two messages that are not a type of their own: a view's removal, and a dead letter. */
  private static final Set<String> STRUCTURAL_MESSAGES = Set.of("tombstone", "dead-letter");

  static Stream<Named<EventType>> catalog() {
    return GoldenSamples.catalog();
  }

  static Stream<Named<String>> kinds() {
    return ViewSamples.kinds();
  }

  @Test
  void isAValidAsyncApi300Document() throws IOException {
    JsonNode root = CatalogueDocument.root();
    assertThat(root.path("asyncapi").asString()).isEqualTo("3.0.0");

    JsonNode specification;
    try (InputStream in =
        new GZIPInputStream(
            getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0-without-id.json.gz"))) {
      specification = JsonMapper.builder().build().readTree(in);
    }
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(specification);

    assertThat(CatalogueDocument.errors(schema, root)).isEmpty();
  }

  @Test
  void everyTopicIsOneChannelAndEveryEventTopicHasADeadLetterChannel() {
    Set<String> expected = new TreeSet<>();
    for (String topic : topics()) {
      expected.add(topic);
      if (!topic.equals(Topics.UPDATES)) {
        expected.add(Topics.deadLetterOf(topic));
      }
    }
    List<String> addresses =
        CatalogueDocument.channels().values().stream()
            .map(channel -> channel.path("address").asString(null))
            .toList();

    assertThat(addresses).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    CatalogueDocument.channels()
        .forEach(
            (key, channel) ->
                assertThat(channel.at("/bindings/kafka/topic").asString())
                    .as("Kafka binding of channel %s", key)
                    .isEqualTo(channel.path("address").asString()));
  }

  @Test
  void onlyTheUpdatesTopicIsCompacted() {
    CatalogueDocument.channels()
        .forEach(
            (key, channel) -> {
              List<String> policy =
                  CatalogueDocument.texts(
                      channel.at("/bindings/kafka/topicConfiguration/cleanup.policy"));
              boolean updates = Topics.UPDATES.equals(channel.path("address").asString());
              assertThat(policy)
                  .as("cleanup.policy of %s", channel.path("address").asString())
                  .containsExactly(updates ? "compact" : "delete");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void everyCatalogTypeIsAMessageOnItsTopicsChannelOnly(EventType type) {
    List<String> channelsWithIt =
        CatalogueDocument.channels().keySet().stream()
            .filter(
                key ->
                    CatalogueDocument.channelMessages(key).values().stream()
                        .anyMatch(message -> type.name().equals(message.path("name").asString())))
            .toList();

    assertThat(channelsWithIt).containsExactly(CatalogueDocument.channelKeyOf(type.topic()));
    assertThat(CatalogueDocument.componentKeyOf(type.name())).isEqualTo(type.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyViewKindIsAMessageOnTheUpdatesChannel(String kind) {
    Map<String, JsonNode> updates =
        CatalogueDocument.channelMessages(CatalogueDocument.channelKeyOf(Topics.UPDATES));

    assertThat(updates.values())
        .extracting(message -> message.path("name").asString())
        .contains(PublicViews.type(kind));
  }

  @Test
  void everyMessageIsACatalogTypeOrAViewKind() {
    Set<String> expected = new TreeSet<>(STRUCTURAL_MESSAGES);
    EventCatalog.ALL.forEach(type -> expected.add(type.name()));
    PublicViews.KINDS.forEach(kind -> expected.add(PublicViews.type(kind)));

    List<String> names =
        CatalogueDocument.componentMessages().values().stream()
            .map(message -> message.path("name").asString(null))
            .toList();
    Set<String> onChannels = new HashSet<>();
    CatalogueDocument.channels()
        .keySet()
        .forEach(
            key ->
                CatalogueDocument.channelMessages(key)
                    .values()
                    .forEach(message -> onChannels.add(message.path("name").asString())));

    assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(onChannels)
        .as("messages on some channel")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void onlyTheUpdatesChannelCarriesViewsAndTombstones() {
    String updates = CatalogueDocument.channelKeyOf(Topics.UPDATES);
    Set<String> expected = new TreeSet<>(Set.of("tombstone"));
    PublicViews.KINDS.forEach(kind -> expected.add(PublicViews.type(kind)));

    assertThat(CatalogueDocument.channelMessages(updates).values())
        .extracting(message -> message.path("name").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    for (String topic : topics()) {
      if (!topic.equals(Topics.UPDATES)) {
        assertThat(
                CatalogueDocument.channelMessages(
                        CatalogueDocument.channelKeyOf(Topics.deadLetterOf(topic)))
                    .values())
            .extracting(message -> message.path("name").asString())
            .containsExactly("dead-letter");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void eventPayloadSchemaMatchesTheRecord(EventType type) {
    assertThat(RecordSchemas.disagreements(CatalogueDocument.payload(type.name()), type.javaType()))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void viewSchemaMatchesTheRecord(String kind) {
    CatalogueDocument.Located fromMessage = CatalogueDocument.payload(PublicViews.type(kind));
    CatalogueDocument.Located file =
        new CatalogueDocument.Located(
            CatalogueDocument.load(CatalogueDocuments.viewSchema(kind)),
            CatalogueDocuments.viewSchema(kind));

    assertThat(fromMessage.document())
        .as("the message's payload is the view's schema file")
        .isEqualTo(file.document());
    assertThat(RecordSchemas.disagreements(file, PublicViews.classOf(kind))).isEmpty();
    assertThat(file.node().path("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void documentedStringValuesOfViewsAreTheConstantsInCode() {
    JsonNode fund = CatalogueDocument.load(CatalogueDocuments.viewSchema(PublicViews.FUND));
    JsonNode board = CatalogueDocument.load(CatalogueDocuments.viewSchema(PublicViews.LEADERBOARD));

    assertThat(CatalogueDocument.texts(fund.at("/properties/policy/enum")))
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(AllocationPolicy.values()).map(Enum::name).toList());
    assertThat(CatalogueDocument.texts(board.at("/properties/status/enum")))
        .containsExactlyInAnyOrder(PublicLeaderboard.LIVE, PublicLeaderboard.CONCLUDED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void keyAndSubjectAreThePropertiesTheRecordIsKeyedBy(EventType type) {
    JsonNode message = CatalogueDocument.message(type.name());
    JsonNode sample = GoldenSamples.tree(type);
    DomainEvent event = GoldenSamples.event(type);

    assertThat(sample.path(message.path("x-wyp-key").asString("")).asString(null))
        .as("the property x-wyp-key names is the record key")
        .isEqualTo(event.partitionKey());
    assertThat(sample.path(message.path("x-wyp-subject").asString("")).asString(null))
        .as("the property x-wyp-subject names is the aggregate id")
        .isEqualTo(event.aggregateId().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void viewKeyAndSubjectAreThePropertyOfTheViewId(String kind) {
    JsonNode message = CatalogueDocument.message(PublicViews.type(kind));
    PublicView view = ViewSamples.full(kind);
    JsonNode json = CatalogueDocument.readJson(EventCodec.toJsonString(view));

    assertThat(json.path(message.path("x-wyp-key").asString("")).asString(null))
        .isEqualTo(view.viewId().toString());
    assertThat(json.path(message.path("x-wyp-subject").asString("")).asString(null))
        .isEqualTo(view.viewId().toString());
  }

  @Test
  void everyOperationListsMessagesOfItsOwnChannel() {
    CatalogueDocument.operations()
        .forEach(
            (id, operation) -> {
              String channelRef = operation.at("/channel/$ref").asString("");
              assertThat(channelRef).as("channel of %s", id).startsWith("#/channels/");
              CatalogueDocument.resolve(operation.path("channel"));
              assertThat(operation.path("messages").isEmpty()).as("messages of %s", id).isFalse();
              for (JsonNode message : operation.path("messages")) {
                assertThat(message.path("$ref").asString(""))
                    .as("message of %s", id)
                    .startsWith(channelRef + "/messages/");
                CatalogueDocument.resolve(message);
              }
              assertThat(operation.path("tags").path(0).path("name").asString(""))
                  .as("the service of %s, its first tag", id)
                  .isNotEmpty();
            });
  }

  @Test
  void everyEventAndViewIsSentByOneServiceNamedInItsSourceHeader() {
    List<String> typed = new ArrayList<>();
    EventCatalog.ALL.forEach(type -> typed.add(type.name()));
    PublicViews.KINDS.forEach(kind -> typed.add(PublicViews.type(kind)));

    for (String name : typed) {
      List<String> senders = CatalogueDocument.sendersOf(name);
      assertThat(senders).as("services sending %s", name).hasSize(1);
      assertThat(sourceOf(name)).as("ce_source of %s", name).isEqualTo("/wyp/" + senders.get(0));
    }
  }

  @Test
  void everySchemaInComponentsIsUsed() {
    String text = new String(CatalogueDocuments.read(CatalogueDocuments.ASYNCAPI));
    Set<String> referenced = new TreeSet<>();
    Matcher refs = Pattern.compile("#/components/schemas/([A-Za-z0-9._-]+)").matcher(text);
    while (refs.find()) {
      referenced.add(refs.group(1));
    }

    assertThat(referenced)
        .containsExactlyInAnyOrderElementsOf(
            CatalogueDocument.fields(CatalogueDocument.root().at("/components/schemas")).keySet());
  }

  /** The const the message's headers give ce_source. */
  static String sourceOf(String messageName) {
    for (JsonNode part : CatalogueDocument.message(messageName).at("/headers/allOf")) {
      JsonNode source = part.at("/properties/ce_source/const");
      if (!source.isMissingNode()) {
        return source.asString();
      }
    }
    throw new AssertionError(messageName + " names no ce_source");
  }

  /** The topic names in {@link Topics}, read by reflection so that a new one is not missed. */
  static List<String> topics() {
    List<String> topics = new ArrayList<>();
    for (Field field : Topics.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
        try {
          topics.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return topics.stream().sorted().collect(Collectors.toList());
  }
}
