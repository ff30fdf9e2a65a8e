package org.wyp.kit.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads every {@code int} and {@code long} of a request only from JSON integers. Jackson would
 * otherwise take {@code "12"} as 12 and truncate {@code 1.5} to 1, silently changing a sum of
 * money; and a number too big for its type would surface as "not well-formed JSON" without naming
 * the field. Each is refused here as a value of the wrong type, which names the field.
 */
final class WholeNumbers {

  private WholeNumbers() {}

  /** A JSON integer that fits an {@code int}. */
  static final class IntOnly extends ValueDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
      }
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        return (Integer)
            ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(), "too large");
      }
      return p.getIntValue();
    }
  }

  /** A JSON integer that fits a {@code long}. */
  static final class LongOnly extends ValueDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        return (Long) ctxt.handleUnexpectedToken(Long.class, p);
      }
      JsonParser.NumberType type = p.getNumberType();
      if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
        return (Long) ctxt.handleWeirdNumberValue(Long.class, p.getNumberValue(), "too large");
      }
      return p.getLongValue();
    }
  }
}
