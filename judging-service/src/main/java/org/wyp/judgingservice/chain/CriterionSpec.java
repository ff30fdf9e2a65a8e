package org.wyp.judgingservice.chain;

import java.math.BigDecimal;
import org.wyp.judgingservice.scoring.Criterion;

/**
 * A rubric criterion. The weight is kept as the exact decimal the organiser gave, so the chain
 * holds no floating-point text; the maths uses its nearest double.
 */
public record CriterionSpec(
    String key, String name, String description, BigDecimal weight, int min, int max) {

  public Criterion toCriterion() {
    return new Criterion(key, weight.doubleValue(), min, max);
  }
}
