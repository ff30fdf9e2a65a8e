package org.wyp.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.wyp.events.CatalogueDocument.Located;
import tools.jackson.databind.JsonNode;

/**
 * Compares a schema with the Java type it describes, by reflection on the records: the property
 * names are the record's JSON property names, the types are the JSON the codec writes for the
 * component types, and the required list is honest. Returns every disagreement as text, so one run
 * names them all.
 */
final class RecordSchemas {

  private static final Set<Class<?>> INTEGERS =
      Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);
  private static final Set<Class<?>> NUMBERS =
      Set.of(double.class, Double.class, float.class, Float.class);
  private static final Set<Class<?>> BOXED =
      Set.of(Integer.class, Long.class, Short.class, Double.class, Float.class, Boolean.class);

  private final List<String> problems = new ArrayList<>();

  private RecordSchemas() {}

  /** Every way {@code schema} disagrees with {@code type}; empty when they agree. */
  static List<String> disagreements(Located schema, Class<?> type) {
    RecordSchemas check = new RecordSchemas();
    check.type(schema, type, type.getSimpleName());
    return check.problems;
  }

  /**
   * The names the codec writes for a record: its components, less those whose accessor or field is
   * {@code @JsonIgnore}d, under their {@code @JsonProperty} name where one is given.
   */
  static Map<String, RecordComponent> jsonProperties(Class<?> record) {
    Map<String, RecordComponent> properties = new LinkedHashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      if (annotated(record, component, JsonIgnore.class) != null) {
        continue;
      }
      JsonProperty renamed = annotated(record, component, JsonProperty.class);
      String name =
          renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
      properties.put(name, component);
    }
    return properties;
  }

  private static <A extends java.lang.annotation.Annotation> A annotated(
      Class<?> record, RecordComponent component, Class<A> annotation) {
    A onAccessor = component.getAccessor().getAnnotation(annotation);
    if (onAccessor != null) {
      return onAccessor;
    }
    A onComponent = component.getAnnotation(annotation);
    if (onComponent != null) {
      return onComponent;
    }
    try {
      return record.getDeclaredField(component.getName()).getAnnotation(annotation);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private void type(Located at, Type javaType, String path) {
    Located schema = CatalogueDocument.resolve(at);
    JsonNode node = schema.node();
    if (node.isMissingNode()) {
      problems.add(path + ": no schema");
      return;
    }
    Class<?> raw = raw(javaType);
    if (raw == UUID.class) {
      string(node, path, "uuid");
    } else if (raw == Instant.class) {
      string(node, path, "date-time");
    } else if (raw == String.class) {
      string(node, path, null);
    } else if (INTEGERS.contains(raw)) {
      type(node, path, "integer");
    } else if (NUMBERS.contains(raw)) {
      type(node, path, "number");
    } else if (raw == boolean.class || raw == Boolean.class) {
      type(node, path, "boolean");
    } else if (raw.isEnum()) {
      enumeration(node, raw, path);
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (type(node, path, "array")) {
        type(schema.path("items"), argument(javaType, 0), path + "[]");
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (raw(argument(javaType, 0)) != String.class) {
        problems.add(path + ": a map with keys other than strings has no JSON object form");
      }
      if (type(node, path, "object")) {
        if (!node.path("additionalProperties").isObject()) {
          problems.add(
              path + ": a map's schema must give its values' schema as additionalProperties");
        } else {
          type(schema.path("additionalProperties"), argument(javaType, 1), path + "{}");
        }
      }
    } else if (raw.isRecord()) {
      record(schema, raw, path);
    } else {
      problems.add(path + ": " + raw.getName() + " has no JSON mapping this check knows");
    }
  }

  private void record(Located schema, Class<?> record, String path) {
    JsonNode node = schema.node();
    if (!type(node, path, "object")) {
      return;
    }
    if (node.path("additionalProperties").isBoolean()
        && !node.path("additionalProperties").asBoolean()) {
      problems.add(path + ": additionalProperties false breaks the evolution rule");
    }
    Map<String, RecordComponent> expected = jsonProperties(record);
    Set<String> documented =
        new LinkedHashSet<>(CatalogueDocument.fields(node.path("properties")).keySet());
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(documented);
    Set<String> extra = new TreeSet<>(documented);
    extra.removeAll(expected.keySet());
    if (!missing.isEmpty()) {
      problems.add(path + ": properties of the record missing from the schema: " + missing);
    }
    if (!extra.isEmpty()) {
      problems.add(path + ": properties in the schema the record does not have: " + extra);
    }
    Set<String> required = new LinkedHashSet<>(CatalogueDocument.texts(node.path("required")));
    Set<String> unknownRequired = new TreeSet<>(required);
    unknownRequired.removeAll(expected.keySet());
    if (!unknownRequired.isEmpty()) {
      problems.add(path + ": required names no property of the record: " + unknownRequired);
    }
    expected.forEach(
        (name, component) -> {
          String at = path + "." + name;
          Class<?> raw = component.getType();
          JsonNode property = node.path("properties").path(name);
          if (property.isMissingNode()) {
            return; // reported above
          }
          boolean isRequired = required.contains(name);
          if (raw.isPrimitive() && !isRequired) {
            problems.add(at + ": a primitive always has a value, so it must be required");
          }
          if (BOXED.contains(raw) && isRequired) {
            problems.add(
                at
                    + ": a boxed "
                    + raw.getSimpleName()
                    + " exists to be null, so it cannot be required");
          }
          if (!isRequired && !property.path("description").asString("").contains("Absent")) {
            problems.add(
                at + ": an optional property must say when it is Absent in its description");
          }
          type(schema.path("properties").path(name), component.getGenericType(), at);
        });
  }

  private void enumeration(JsonNode node, Class<?> enumType, String path) {
    if (!type(node, path, "string")) {
      return;
    }
    Set<String> constants = new TreeSet<>();
    Arrays.stream(enumType.getEnumConstants()).forEach(c -> constants.add(((Enum<?>) c).name()));
    Set<String> documented = new TreeSet<>(CatalogueDocument.texts(node.path("enum")));
    if (!documented.equals(constants)) {
      problems.add(
          path + ": enum " + documented + " is not " + enumType.getSimpleName() + " " + constants);
    }
  }

  private void string(JsonNode node, String path, String format) {
    if (!type(node, path, "string")) {
      return;
    }
    String documented = node.path("format").asString(null);
    if (format != null && !format.equals(documented)) {
      problems.add(path + ": format " + documented + ", expected " + format);
    }
    if (format == null && ("uuid".equals(documented) || "date-time".equals(documented))) {
      problems.add(path + ": format " + documented + " on a plain String component");
    }
  }

  /** Whether the schema's single type is {@code expected}; records a problem when not. */
  private boolean type(JsonNode node, String path, String expected) {
    JsonNode type = node.path("type");
    if (!type.isString()) {
      problems.add(
          path + ": type must be one name (never null: absent values are left out), was " + type);
      return false;
    }
    if (!expected.equals(type.asString())) {
      problems.add(path + ": type " + type.asString() + ", expected " + expected);
      return false;
    }
    return true;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    throw new AssertionError("unsupported component type " + type);
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized) {
      return parameterized.getActualTypeArguments()[index];
    }
    throw new AssertionError(type + " has no type arguments");
  }
}
