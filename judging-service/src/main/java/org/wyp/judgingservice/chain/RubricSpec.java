package org.wyp.judgingservice.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.scoring.Criterion;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.RankingRules;
import org.wyp.kit.domain.RuleViolationException;

/**
 * A stage's rubric; {@code shortlistSize} is null when none was given (always for finals). {@code
 * blindScreening} (screening only) hides the SMEs' identity from the screening judges; it is part
 * of the rubric so that it is fixed, like the criteria, once the first score is in, and the chain
 * records that screening was blind.
 */
public record RubricSpec(
    Stage stage,
    List<CriterionSpec> criteria,
    Normalisation normalisation,
    int minJudgesPerPitch,
    Integer shortlistSize,
    boolean blindScreening) {

  private static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("1e-9");

  public List<Criterion> mathsCriteria() {
    return criteria.stream().map(CriterionSpec::toCriterion).toList();
  }

  public RankingRules rules() {
    return new RankingRules(normalisation, minJudgesPerPitch);
  }

  /** Checks the rubric's own rules: distinct keys, proper ranges, weights summing to 1. */
  public void requireConsistent() {
    Set<String> keys = new HashSet<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (CriterionSpec criterion : criteria) {
      if (!keys.add(criterion.key())) {
        throw new RuleViolationException(
            "rubric-duplicate-key", "Criterion key '" + criterion.key() + "' is used twice");
      }
      if (criterion.min() >= criterion.max()) {
        throw new RuleViolationException(
            "rubric-range",
            "Criterion '%s': min (%d) must be below max (%d)"
                .formatted(criterion.key(), criterion.min(), criterion.max()));
      }
      sum = sum.add(criterion.weight());
    }
    if (sum.subtract(BigDecimal.ONE).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
      throw new RuleViolationException(
          "rubric-weights",
          "Criterion weights must sum to 1 (within 1e-9); they sum to " + sum.toPlainString());
    }
    if (stage == Stage.FINALS && shortlistSize != null) {
      throw new RuleViolationException(
          "shortlist-screening-only", "Only the SCREENING rubric has a shortlist size");
    }
    if (stage == Stage.FINALS && blindScreening) {
      throw new RuleViolationException(
          "blind-screening-only", "Only screening can be blind: the finals are never blind");
    }
  }

  /** Checks a judge's scores: one whole number in range for every criterion, and no others. */
  public void requireValidScores(Map<String, Integer> scores) {
    Set<String> keys = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (CriterionSpec criterion : criteria) {
      keys.add(criterion.key());
      Integer score = scores.get(criterion.key());
      if (score == null) {
        problems.add("'" + criterion.key() + "' has no score");
      } else if (score < criterion.min() || score > criterion.max()) {
        problems.add(
            "'%s' must be a whole number from %d to %d, got %d"
                .formatted(criterion.key(), criterion.min(), criterion.max(), score));
      }
    }
    List<String> unknown = scores.keySet().stream().filter(k -> !keys.contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw new RuleViolationException(
          "unknown-criterion", "The rubric has no criteria " + unknown + "; it has " + keys);
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException("score-out-of-range", String.join("; ", problems));
    }
  }
}
