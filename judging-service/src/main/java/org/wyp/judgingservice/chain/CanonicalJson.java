package org.wyp.judgingservice.chain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of a chain entry, the text its hash is taken over. It is RFC 8785 (JSON
 * Canonicalization Scheme) restricted to what chain entries hold, so any JCS library reproduces it:
 *
 * <ul>
 *   <li>object members sorted by key (UTF-16 code units, as {@link String#compareTo}), no
 *       whitespace anywhere, arrays in their order;
 *   <li>strings with only {@code "} and {@code \} escaped, control characters as {@code \b \f \n \r
 *       \t} or {@code \}{@code u00xx} (lower-case hex), everything else as UTF-8;
 *   <li>numbers are integers only, in plain decimal; a fraction (a criterion weight) is stored as a
 *       decimal string such as {@code "0.25"}, times as ISO-8601 UTC strings, ids as lower-case
 *       UUID strings; so no floating-point formatting question ever arises;
 *   <li>{@code true}, {@code false}, {@code null} as literals.
 * </ul>
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /**
   * @throws IllegalArgumentException for a value outside the canonical form (a floating-point
   *     number, an object of another type)
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Boolean b -> out.append(b);
      case Integer i -> out.append(i.longValue());
      case Long l -> out.append(l.longValue());
      case Map<?, ?> map -> object(map, out);
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(list.get(i), out);
        }
        out.append(']');
      }
      default ->
          throw new IllegalArgumentException(
              "not canonical: a " + value.getClass().getSimpleName() + " value");
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach(
        (key, v) -> {
          if (!(key instanceof String name)) {
            throw new IllegalArgumentException("not canonical: a non-string key");
          }
          sorted.put(name, v);
        });
    out.append('{');
    boolean first = true;
    for (var member : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(member.getKey(), out);
      out.append(':');
      write(member.getValue(), out);
    }
    out.append('}');
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u%04x".formatted((int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
