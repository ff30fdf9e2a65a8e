package org.wyp.kit.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Refuses values of the wrong JSON type instead of converting them: a number or boolean where a
 * request expects text ({@code {"title": 42}} is a client mistake, not the title "42"), and text,
 * fractions or overlarge numbers where it expects a whole number (see {@link WholeNumbers}).
 * Jackson converts such scalars by default, and no {@code spring.jackson.*} property turns that
 * off.
 */
public final class StrictJsonInput {

  private StrictJsonInput() {}

  public static JsonMapperBuilderCustomizer customizer() {
    SimpleModule wholeNumbers =
        new SimpleModule("wyp-whole-numbers")
            .addDeserializer(Integer.class, new WholeNumbers.IntOnly())
            .addDeserializer(Integer.TYPE, new WholeNumbers.IntOnly())
            .addDeserializer(Long.class, new WholeNumbers.LongOnly())
            .addDeserializer(Long.TYPE, new WholeNumbers.LongOnly());
    return builder ->
        builder
            .addModule(wholeNumbers)
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
