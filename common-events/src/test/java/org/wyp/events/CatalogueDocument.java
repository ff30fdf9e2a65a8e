package org.wyp.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document and the view schemas as the tests read them: parsed from the class path,
 * with {@code $ref}s resolved the way a tool resolves them (in the same document, or in a file
 * relative to the referring one), and a JSON Schema validator that asserts formats.
 */
final class CatalogueDocument {

  static final String ASYNCAPI = CatalogueDocuments.ASYNCAPI;

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

  /**
   * Draft 2020-12, the dialect the view schemas declare and the one applied to the AsyncAPI
   * document's schemas (they use only keywords draft-07 and 2020-12 share). Formats such as uuid
   * and date-time are assertions here, not just annotations.
   */
  static final SchemaRegistry VALIDATOR =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private CatalogueDocument() {}

  /** A node and the class-path document it is in, which its relative references resolve from. */
  record Located(JsonNode node, String document) {

    Located path(String name) {
      return new Located(node.path(name), document);
    }
  }

  static JsonNode root() {
    return load(ASYNCAPI);
  }

  static JsonNode load(String resource) {
    return DOCUMENTS.computeIfAbsent(
        resource,
        name -> {
          byte[] bytes = CatalogueDocuments.read(name);
          return name.endsWith(".yaml") ? YAML.readTree(bytes) : JSON.readTree(bytes);
        });
  }

  /** Follows {@code $ref}s until a node that is not a reference. */
  static Located resolve(Located at) {
    Located current = at;
    int hops = 0;
    while (current.node().has("$ref")) {
      if (++hops > 20) {
        throw new AssertionError("reference loop at " + at.node());
      }
      String ref = current.node().get("$ref").asString();
      int hash = ref.indexOf('#');
      String file = hash < 0 ? ref : ref.substring(0, hash);
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      String document =
          file.isEmpty()
              ? current.document()
              : URI.create(current.document()).resolve(file).toString();
      JsonNode target = pointer.isEmpty() ? load(document) : load(document).at(pointer);
      if (target.isMissingNode()) {
        throw new AssertionError(
            "$ref " + ref + " in " + current.document() + " resolves to nothing");
      }
      current = new Located(target, document);
    }
    return current;
  }

  static Located resolve(JsonNode node) {
    return resolve(new Located(node, ASYNCAPI));
  }

  /** components.messages by their component key. */
  static Map<String, JsonNode> componentMessages() {
    return fields(root().path("components").path("messages"));
  }

  static Map<String, JsonNode> channels() {
    return fields(root().path("channels"));
  }

  static Map<String, JsonNode> operations() {
    return fields(root().path("operations"));
  }

  /** The channel key whose address is {@code topic}; fails when there is not exactly one. */
  static String channelKeyOf(String topic) {
    List<String> keys =
        channels().entrySet().stream()
            .filter(channel -> topic.equals(channel.getValue().path("address").asString(null)))
            .map(Map.Entry::getKey)
            .toList();
    if (keys.size() != 1) {
      throw new AssertionError("channels with address " + topic + ": " + keys);
    }
    return keys.get(0);
  }

  /** A channel's messages by their key in the channel, resolved to the message objects. */
  static Map<String, JsonNode> channelMessages(String channelKey) {
    Map<String, JsonNode> messages = new LinkedHashMap<>();
    fields(channels().get(channelKey).path("messages"))
        .forEach((key, ref) -> messages.put(key, resolve(ref).node()));
    return messages;
  }

  /** The component key of the message named {@code name}; fails when there is not exactly one. */
  static String componentKeyOf(String name) {
    List<String> keys =
        componentMessages().entrySet().stream()
            .filter(message -> name.equals(message.getValue().path("name").asString(null)))
            .map(Map.Entry::getKey)
            .toList();
    if (keys.size() != 1) {
      throw new AssertionError("messages named " + name + ": " + keys);
    }
    return keys.get(0);
  }

  static JsonNode message(String name) {
    return componentMessages().get(componentKeyOf(name));
  }

  /** The schema of a message's payload, its references resolved. */
  static Located payload(String messageName) {
    return resolve(message(messageName).path("payload"));
  }

  /**
   * The validator's schema at a pointer into the AsyncAPI document, loaded from the class path so
   * that the validator follows the document's own references, relative files included.
   */
  static Schema schemaAt(String pointer) {
    return VALIDATOR.getSchema(SchemaLocation.of("classpath:" + ASYNCAPI + "#" + pointer));
  }

  static Schema payloadSchema(String messageName) {
    return schemaAt("/components/messages/" + componentKeyOf(messageName) + "/payload");
  }

  static Schema headersSchema(String messageName) {
    return schemaAt("/components/messages/" + componentKeyOf(messageName) + "/headers");
  }

  static Schema keySchema(String messageName) {
    return schemaAt("/components/messages/" + componentKeyOf(messageName) + "/bindings/kafka/key");
  }

  static Schema viewSchema(String kind) {
    return VALIDATOR.getSchema(
        SchemaLocation.of("classpath:" + CatalogueDocuments.viewSchema(kind)));
  }

  /** The validator's findings, as text; empty when the instance is valid. */
  static List<String> errors(Schema schema, JsonNode instance) {
    return schema.validate(instance).stream().map(Error::toString).toList();
  }

  static JsonNode toTree(Object value) {
    return JSON.valueToTree(value);
  }

  static JsonNode readJson(String json) {
    return JSON.readTree(json);
  }

  static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    object.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
    return fields;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asString()));
    return texts;
  }

  /** The services (first tag) of the send operations that list the message named {@code name}. */
  static List<String> sendersOf(String name) {
    List<String> senders = new ArrayList<>();
    operations()
        .forEach(
            (id, operation) -> {
              if (!"send".equals(operation.path("action").asString(null))) {
                return;
              }
              for (JsonNode ref : operation.path("messages")) {
                if (name.equals(resolve(ref).node().path("name").asString(null))) {
                  senders.add(operation.path("tags").path(0).path("name").asString());
                }
              }
            });
    return senders;
  }
}
