package org.wyp.judgingservice.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.CriterionSpec;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.scoring.Criterion;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.Totals;

/**
 * A judge's total over any rubric the service accepts (up to 20 criteria, ranges within ±1000,
 * weights of up to 12 decimals summing to 1 within 1e-9) and any valid score sheet.
 */
class TotalsPropertiesTest {

  /** A rubric as the organiser wrote it, and one valid score sheet for it. */
  record Scored(List<CriterionSpec> rubric, List<Integer> scores) {

    List<Criterion> criteria() {
      return rubric.stream().map(CriterionSpec::toCriterion).toList();
    }

    Map<String, Integer> sheet() {
      Map<String, Integer> sheet = new HashMap<>();
      for (int i = 0; i < rubric.size(); i++) {
        sheet.put(rubric.get(i).key(), scores.get(i));
      }
      return sheet;
    }

    double total() {
      return Totals.total(criteria(), sheet());
    }
  }

  @Provide
  Arbitrary<Scored> scored() {
    return Arbitraries.integers()
        .between(1, 20)
        .flatMap(
            n ->
                Combinators.combine(
                        Arbitraries.integers().between(1, 1000).list().ofSize(n),
                        Arbitraries.integers().between(-1000, 1000).list().ofSize(n),
                        Arbitraries.integers().between(1, 2000).list().ofSize(n),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(n),
                        Arbitraries.integers().between(-1000, 1000))
                    .as(TotalsPropertiesTest::scored));
  }

  private static Scored scored(
      List<Integer> parts,
      List<Integer> lows,
      List<Integer> widths,
      List<Integer> draws,
      int offsetPicos) {
    int n = parts.size();
    BigDecimal whole = BigDecimal.valueOf(parts.stream().mapToInt(Integer::intValue).sum());
    List<CriterionSpec> rubric = new ArrayList<>();
    List<Integer> scores = new ArrayList<>();
    BigDecimal given = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      BigDecimal weight;
      if (i < n - 1) {
        weight = BigDecimal.valueOf(parts.get(i)).divide(whole, 12, RoundingMode.HALF_EVEN);
        given = given.add(weight);
      } else {
        // The last weight closes the sum, give or take the 1e-9 the service tolerates.
        weight =
            BigDecimal.ONE
                .subtract(given)
                .add(BigDecimal.valueOf(offsetPicos, 12))
                .min(BigDecimal.ONE);
      }
      int min = Math.min(lows.get(i), 999);
      int max = Math.min(min + widths.get(i), 1000);
      rubric.add(new CriterionSpec("c" + i, "Criterion " + i, null, weight, min, max));
      scores.add(min + draws.get(i) % (max - min + 1));
    }
    return new Scored(List.copyOf(rubric), List.copyOf(scores));
  }

  @Property(tries = 500)
  void generatedRubricsAreOnesTheServiceAccepts(@ForAll("scored") Scored scored) {
    new RubricSpec(Stage.FINALS, scored.rubric(), Normalisation.NONE, 1, null, false)
        .requireConsistent();
    assertThat(scored.rubric())
        .allSatisfy(c -> assertThat(c.weight()).isPositive().isLessThanOrEqualTo(BigDecimal.ONE));
  }

  @Property(tries = 500)
  void aTotalLiesWithinZeroToAHundredAndIsTheExactWeightedSum(@ForAll("scored") Scored scored) {
    double total = scored.total();

    assertThat(total).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(100 * (1 + 1e-9) + 1e-9);
    assertThat(total).isCloseTo(exactTotal(scored).doubleValue(), within(1e-9));
  }

  @Property(tries = 200)
  void theLowestScoresTotalZeroAndTheHighestAHundred(@ForAll("scored") Scored scored) {
    List<Criterion> criteria = scored.criteria();
    Map<String, Integer> lowest = new HashMap<>();
    Map<String, Integer> highest = new HashMap<>();
    criteria.forEach(
        c -> {
          lowest.put(c.key(), c.min());
          highest.put(c.key(), c.max());
        });

    assertThat(Totals.total(criteria, lowest)).isZero();
    assertThat(Totals.total(criteria, highest)).isCloseTo(100.0, within(1e-6));
  }

  @Property(tries = 500)
  void aHigherScoreOnAnyCriterionGivesAHigherTotal(
      @ForAll("scored") Scored scored, @ForAll @IntRange(max = 19) int which) {
    List<Criterion> criteria = scored.criteria();
    Criterion raised = criteria.get(which % criteria.size());
    Map<String, Integer> sheet = scored.sheet();
    if (sheet.get(raised.key()) == raised.max()) {
      sheet.put(raised.key(), raised.min());
    }
    double before = Totals.total(criteria, sheet);
    sheet.put(raised.key(), sheet.get(raised.key()) + 1);

    assertThat(Totals.total(criteria, sheet)).isGreaterThan(before);
  }

  @Property(tries = 300)
  void aSheetMissingACriterionOrOutOfRangeIsRefused(
      @ForAll("scored") Scored scored,
      @ForAll @IntRange(max = 19) int which,
      @ForAll @IntRange(min = 1, max = 1000) int beyond,
      @ForAll boolean above) {
    List<Criterion> criteria = scored.criteria();
    Criterion broken = criteria.get(which % criteria.size());

    Map<String, Integer> missing = scored.sheet();
    missing.remove(broken.key());
    assertThatThrownBy(() -> Totals.total(criteria, missing))
        .isInstanceOf(IllegalArgumentException.class);

    Map<String, Integer> outOfRange = scored.sheet();
    outOfRange.put(broken.key(), above ? broken.max() + beyond : broken.min() - beyond);
    assertThatThrownBy(() -> Totals.total(criteria, outOfRange))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Σ w × (s − min) / (max − min) × 100 with the weights' doubles, in exact decimals. */
  private static BigDecimal exactTotal(Scored scored) {
    MathContext precise = MathContext.DECIMAL128;
    BigDecimal total = BigDecimal.ZERO;
    List<Criterion> criteria = scored.criteria();
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      BigDecimal fraction =
          BigDecimal.valueOf(scored.scores().get(i) - c.min())
              .divide(BigDecimal.valueOf(c.max() - c.min()), precise);
      total =
          total.add(
              new BigDecimal(c.weight()).multiply(fraction).multiply(BigDecimal.valueOf(100)));
    }
    return total;
  }
}
