package org.wyp.kit.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Refuses a number or boolean where a request expects text: {@code {"title": 42}} is a client
 * mistake (400), not the title "42". Jackson coerces such scalars to strings by default, and no
 * {@code spring.jackson.*} property turns that off.
 */
public final class StrictJsonInput {

  private StrictJsonInput() {}

  public static JsonMapperBuilderCustomizer noScalarToTextCoercion() {
    return builder ->
        builder.withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
