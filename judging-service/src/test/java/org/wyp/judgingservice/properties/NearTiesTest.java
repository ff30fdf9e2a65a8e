package org.wyp.judgingservice.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wyp.judgingservice.scoring.Criterion;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;
import org.wyp.judgingservice.scoring.RankingRules;
import org.wyp.judgingservice.scoring.ScoreSheet;
import org.wyp.judgingservice.scoring.Totals;

/**
 * The counterexample the ranking properties found, kept as an example. With a rubric weighted in
 * thirds to ten places, three pitches whose totals exact thirds would make equal (50) come out 50,
 * 50 + 6.7e-10 and 50 + 1.3e-9. A tie tolerance of 1e-9 made the first two equal and the last two
 * equal but not the first and the last; with submission times breaking the ties the other way, the
 * order had a cycle, so the ranking depended on the order the pitches were added in: the published
 * conclusion and the ranking recomputed from the chain could disagree.
 */
class NearTiesTest {

  private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");
  private static final UUID FIRST = new UUID(0, 1);
  private static final UUID SECOND = new UUID(0, 2);
  private static final UUID THIRD = new UUID(0, 3);

  private static final List<Criterion> THIRDS =
      List.of(
          new Criterion("a", new BigDecimal("0.3333333333").doubleValue(), 0, 30),
          new Criterion("b", new BigDecimal("0.3333333333").doubleValue(), 0, 30),
          new Criterion("c", new BigDecimal("0.3333333334").doubleValue(), 0, 30));

  private static double total(int a, int b, int c) {
    return Totals.total(THIRDS, Map.of("a", a, "b", b, "c", c));
  }

  private static List<UUID> rank(List<UUID> insertionOrder) {
    Map<UUID, PitchFacts> facts =
        Map.of(
            FIRST, new PitchFacts(FIRST, FIRST, FIRST, T0, 1),
            SECOND, new PitchFacts(SECOND, SECOND, SECOND, T0.plusSeconds(60), 1),
            THIRD, new PitchFacts(THIRD, THIRD, THIRD, T0.plusSeconds(120), 1));
    ScoreSheet sheet = new ScoreSheet();
    insertionOrder.forEach(id -> sheet.pitch(facts.get(id)));
    sheet.score(FIRST, new UUID(1, 1), total(15, 15, 15));
    sheet.score(SECOND, new UUID(1, 2), total(14, 14, 17));
    sheet.score(THIRD, new UUID(1, 3), total(13, 13, 19));
    Ranking ranking = sheet.rank(new RankingRules(Normalisation.NONE, 1));
    return ranking.entries().stream().map(RankedPitch::pitch).map(PitchFacts::pitchId).toList();
  }

  @Test
  void theTotalsLieAroundTheTieTolerance() {
    assertThat(total(14, 14, 17) - total(15, 15, 15)).isCloseTo(6.67e-10, within(1e-11));
    assertThat(total(13, 13, 19) - total(14, 14, 17)).isCloseTo(6.67e-10, within(1e-11));
  }

  @Test
  void theRankingIsTheSameWhateverOrderThePitchesCameIn() {
    List<UUID> expected = rank(List.of(FIRST, SECOND, THIRD));

    assertThat(rank(List.of(THIRD, FIRST, SECOND))).isEqualTo(expected);
    assertThat(rank(List.of(SECOND, FIRST, THIRD))).isEqualTo(expected);
    assertThat(rank(List.of(THIRD, SECOND, FIRST))).isEqualTo(expected);
  }
}
