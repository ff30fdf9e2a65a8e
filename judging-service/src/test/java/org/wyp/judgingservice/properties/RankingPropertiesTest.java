package org.wyp.judgingservice.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.assertj.core.data.Offset;
import org.wyp.judgingservice.properties.Stages.Stage;
import org.wyp.judgingservice.scoring.JudgeLeniency;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;
import org.wyp.judgingservice.scoring.RankingRules;
import org.wyp.judgingservice.scoring.ScoreSheet;

/**
 * The ranking rules of {@link ScoreSheet} over generated stages: who is ranked, in what order, with
 * which figures, and what must not change it. The expected figures are worked out in {@link Stages}
 * from the scores alone.
 */
class RankingPropertiesTest {

  private static final double TIE = ScoreSheet.TIE_TOLERANCE;
  private static final Offset<Double> CLOSE = within(1e-9);

  @Provide
  Arbitrary<Stage> stages() {
    return Stages.stages();
  }

  /** Any stage, its rubric weighted in hundredths or to many decimals, up to 40 pitches. */
  @Provide
  Arbitrary<Stage> anyStages() {
    return Arbitraries.oneOf(
        Stages.stages(),
        Stages.stages(Stages.finelyWeightedRubrics(), 12, 3),
        Stages.stages(Stages.rubrics(), 40, 3));
  }

  @Provide
  Arbitrary<Double> scales() {
    return Arbitraries.of(0.5, 1.0, 2.0, 3.0);
  }

  @Property(tries = 300)
  void everyLivePitchIsListedOnceTheQuorateOnesRankedOneToNFirst(@ForAll("stages") Stage stage) {
    Ranking ranking = stage.sheet().rank(stage.rules());

    assertThat(ids(ranking))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(stage.livePitches());
    Set<UUID> quorate = quorate(stage, stage.rules().minJudgesPerPitch());
    List<RankedPitch> entries = ranking.entries();
    for (int i = 0; i < entries.size(); i++) {
      RankedPitch entry = entries.get(i);
      if (i < quorate.size()) {
        assertThat(entry.rank()).as("rank of line %d", i + 1).isEqualTo(i + 1);
        assertThat(quorate).contains(entry.pitch().pitchId());
      } else {
        assertThat(entry.rank()).as("a pitch below quorum is never ranked").isNull();
        assertThat(quorate).doesNotContain(entry.pitch().pitchId());
      }
    }
    Statistics.label("ranked of listed")
        .collect(quorate.size() == entries.size() ? "all" : quorate.isEmpty() ? "none" : "some");
  }

  @Property(tries = 300)
  void eachLineCarriesTheMeanMedianAndCountOfTheTotalsThatCount(@ForAll("stages") Stage stage) {
    Ranking ranking = stage.sheet().rank(stage.rules());
    Map<UUID, Map<UUID, Double>> counted = stage.counted();

    for (RankedPitch entry : ranking.entries()) {
      Map<UUID, Double> totals = counted.get(entry.pitch().pitchId());
      assertThat(entry.pitch()).isEqualTo(stage.facts(entry.pitch().pitchId()));
      assertThat(entry.judgeCount()).isEqualTo(totals.size());
      if (totals.isEmpty()) {
        assertThat(entry.rawScore()).isNull();
        assertThat(entry.medianTotal()).isNull();
        assertThat(entry.normalisedScore()).isNull();
      } else {
        assertThat(entry.rawScore()).isCloseTo(Stages.mean(totals), CLOSE);
        assertThat(entry.medianTotal()).isCloseTo(Stages.median(totals), CLOSE);
        assertThat(entry.normalisedScore() != null)
            .as("a normalised score exactly when the stage normalises")
            .isEqualTo(stage.rules().normalisation() == Normalisation.ZSCORE);
      }
    }
  }

  @Property(tries = 300)
  void judgesFiguresAreTheMeanAndSpreadOfExactlyTheirTotalsThatCount(
      @ForAll("stages") Stage stage) {
    Ranking ranking = stage.sheet().rank(stage.rules());
    Map<UUID, Map<UUID, Double>> byJudge = stage.countedByJudge();

    assertThat(ranking.judges())
        .extracting(JudgeLeniency::judgeId)
        .as("judges with a total that counts, by id")
        .containsExactlyElementsOf(byJudge.keySet());
    for (JudgeLeniency judge : ranking.judges()) {
      Map<UUID, Double> totals = byJudge.get(judge.judgeId());
      assertThat(judge.pitches()).isEqualTo(totals.size());
      assertThat(judge.mean()).isCloseTo(Stages.mean(totals), CLOSE);
      assertThat(judge.sd()).isCloseTo(Stages.populationSd(totals), CLOSE);
    }
  }

  /**
   * Ranked and unranked lines are each in the documented order: the stage's score descending (equal
   * when rounded to the tie tolerance), then the higher median, more judges, the earlier
   * submission, the lower pitch id. No line ever sits below one whose score is lower.
   */
  @Property(tries = 300)
  void theOrderFollowsTheScoresAndBreaksTiesAsDocumented(@ForAll("stages") Stage stage) {
    Ranking ranking = stage.sheet().rank(stage.rules());
    boolean z = stage.rules().normalisation() == Normalisation.ZSCORE;
    List<RankedPitch> ranked = ranking.entries().stream().filter(e -> e.rank() != null).toList();
    List<RankedPitch> unranked = ranking.entries().stream().filter(e -> e.rank() == null).toList();

    for (List<RankedPitch> group : List.of(ranked, unranked)) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          Double above = score(group.get(i), z);
          Double below = score(group.get(j), z);
          if (above == null) {
            assertThat(below).as("a line without a score sorts after every scored one").isNull();
          } else if (below != null) {
            assertThat(grain(below))
                .as("line %d's score against line %d's", j + 1, i + 1)
                .isLessThanOrEqualTo(grain(above));
          }
        }
        if (i + 1 < group.size()) {
          String broken = tieBreak(group.get(i), group.get(i + 1), z);
          Statistics.label("adjacent lines decided by").collect(broken);
        }
      }
    }
  }

  @Property(tries = 300)
  void theSameInputsInAnyOrderGiveTheSameRankingToTheLastBit(
      @ForAll("anyStages") Stage stage, @ForAll long shuffleSeed) {
    assertThat(stage.shuffledSheet(shuffleSeed).rank(stage.rules()))
        .isEqualTo(stage.sheet().rank(stage.rules()));
  }

  /**
   * Weights typed to many decimals make totals that exact weights would make equal differ by
   * fractions of a billionth: thirds as 0.3333333333, 0.3333333333 and 0.3333333334 over 0–30 give
   * 50, 50 + 6.7e-10 and 50 + 1.3e-9 (worked in {@link NearTiesTest}). However such totals fall
   * around the tie tolerance, the ranking must not depend on the order the pitches came in.
   */
  @Property(tries = 300)
  void nearlyEqualTotalsRankTheSameWhateverOrderThePitchesCameIn(
      @ForAll("nearTies") List<Tuple2<Integer, Integer>> pitches,
      @ForAll @IntRange(min = 1, max = 15) int step,
      @ForAll long shuffleSeed) {
    List<PitchFacts> facts = new ArrayList<>();
    ScoreSheet inOrder = new ScoreSheet();
    for (int i = 0; i < pitches.size(); i++) {
      facts.add(
          new PitchFacts(
              Stages.pitchId(i + 1),
              new UUID(7, i),
              new UUID(8, i),
              Stages.T0.plusSeconds(60L * pitches.get(i).get2()),
              1_000L));
    }
    List<PitchFacts> shuffled = new ArrayList<>(facts);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    ScoreSheet otherOrder = new ScoreSheet();
    facts.forEach(inOrder::pitch);
    shuffled.forEach(otherOrder::pitch);
    for (int i = 0; i < pitches.size(); i++) {
      double total = 50 + pitches.get(i).get1() * step * 1e-10;
      inOrder.score(Stages.pitchId(i + 1), Stages.judgeId(i + 1), total);
      otherOrder.score(Stages.pitchId(i + 1), Stages.judgeId(i + 1), total);
    }
    RankingRules rules = new RankingRules(Normalisation.NONE, 1);

    assertThat(ids(otherOrder.rank(rules))).containsExactlyElementsOf(ids(inOrder.rank(rules)));
  }

  /** Per pitch: how many steps its total lies above 50, and its submission minute. */
  @Provide
  Arbitrary<List<Tuple2<Integer, Integer>>> nearTies() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2))
        .as(Tuple::of)
        .list()
        .ofMinSize(2)
        .ofMaxSize(40);
  }

  /**
   * {@link Normalisation#ZSCORE} promises that a lenient or harsh judge weighs no more than
   * another: replacing every total of one judge by {@code a × total + b} (a > 0) leaves every
   * normalised score as it was, and with it every place not decided by a tie-break.
   */
  @Property(tries = 300)
  void underZScoresOneJudgesLeniencyOrScaleChangesNoNormalisedScore(
      @ForAll("stages") Stage generated,
      @ForAll @IntRange(max = 4) int judgeIndex,
      @ForAll("scales") double scale,
      @ForAll @IntRange(min = -40, max = 40) int shift) {
    Stage stage =
        generated.withRules(
            new RankingRules(Normalisation.ZSCORE, generated.rules().minJudgesPerPitch()));
    UUID judge = stage.judges().get(judgeIndex % stage.judges().size());

    Ranking before = stage.sheet().rank(stage.rules());
    Ranking after = stage.sheetWithJudgeRescaled(judge, scale, shift).rank(stage.rules());

    assertThat(ids(after)).containsExactlyInAnyOrderElementsOf(ids(before));
    for (RankedPitch line : before.entries()) {
      RankedPitch moved = line(after, line.pitch().pitchId());
      assertThat(moved.judgeCount()).isEqualTo(line.judgeCount());
      assertThat(moved.rank() != null).isEqualTo(line.rank() != null);
      if (line.normalisedScore() == null) {
        assertThat(moved.normalisedScore()).isNull();
      } else {
        assertThat(moved.normalisedScore()).isCloseTo(line.normalisedScore(), CLOSE);
      }
    }
    List<RankedPitch> ranked = before.entries().stream().filter(e -> e.rank() != null).toList();
    for (int i = 0; i < ranked.size(); i++) {
      for (int j = i + 1; j < ranked.size(); j++) {
        RankedPitch higher = ranked.get(i);
        RankedPitch lower = ranked.get(j);
        if (higher.normalisedScore() - lower.normalisedScore() > 1e-6) {
          assertThat(line(after, higher.pitch().pitchId()).rank())
              .as("a place decided by the normalised score stays")
              .isLessThan(line(after, lower.pitch().pitchId()).rank());
        }
      }
    }
    before.judges().stream()
        .filter(j -> j.judgeId().equals(judge))
        .findFirst()
        .ifPresent(
            original -> {
              JudgeLeniency rescaled =
                  after.judges().stream()
                      .filter(j -> j.judgeId().equals(judge))
                      .findFirst()
                      .orElseThrow();
              assertThat(rescaled.mean()).isCloseTo(scale * original.mean() + shift, CLOSE);
              assertThat(rescaled.sd()).isCloseTo(scale * original.sd(), CLOSE);
            });
    // The raw ranking does move with a judge's leniency: evidence the property is not vacuous.
    RankingRules raw = new RankingRules(Normalisation.NONE, stage.rules().minJudgesPerPitch());
    boolean rawMoved =
        !ids(stage.sheet().rank(raw))
            .equals(ids(stage.sheetWithJudgeRescaled(judge, scale, shift).rank(raw)));
    Statistics.label("raw order moved").collect(rawMoved);
  }

  @Property(tries = 200)
  void raisingTheQuorumOnlyDropsPitchesFromTheRankingAndKeepsTheOrderOfTheRest(
      @ForAll("stages") Stage stage, @ForAll @IntRange(min = 1, max = 3) int more) {
    Stage stricter =
        stage.withRules(
            new RankingRules(
                stage.rules().normalisation(), stage.rules().minJudgesPerPitch() + more));

    List<UUID> rankedBefore = rankedIds(stage.sheet().rank(stage.rules()));
    List<UUID> rankedAfter = rankedIds(stricter.sheet().rank(stricter.rules()));

    assertThat(rankedBefore).containsAll(rankedAfter);
    assertThat(rankedBefore.stream().filter(rankedAfter::contains).toList())
        .containsExactlyElementsOf(rankedAfter);
  }

  /** Without normalisation a pitch's score is its own: losing a competitor reorders nobody. */
  @Property(tries = 200)
  void withoutNormalisationWithdrawingAPitchDoesNotReorderTheOthers(
      @ForAll("stages") Stage generated, @ForAll @IntRange(max = 7) int index) {
    Stage stage =
        generated.withRules(
            new RankingRules(Normalisation.NONE, generated.rules().minJudgesPerPitch()));
    List<UUID> live = stage.livePitches();
    if (live.isEmpty()) {
      return;
    }
    UUID leaving = live.get(index % live.size());

    List<UUID> before = ids(stage.sheet().rank(stage.rules()));
    Stage after = stage.withWithdrawn(leaving);

    List<UUID> expected = new ArrayList<>(before);
    expected.remove(leaving);
    assertThat(ids(after.sheet().rank(after.rules()))).containsExactlyElementsOf(expected);
  }

  /** Checks that the adjacent lines are in tie-break order and names the rule that decided. */
  private static String tieBreak(RankedPitch first, RankedPitch second, boolean z) {
    Double a = score(first, z);
    Double b = score(second, z);
    if ((a == null) != (b == null) || (a != null && grain(a) != grain(b))) {
      return "score";
    }
    if (a != null && grain(first.medianTotal()) != grain(second.medianTotal())) {
      assertThat(grain(first.medianTotal()))
          .as("equal scores: higher median first")
          .isGreaterThan(grain(second.medianTotal()));
      return "median";
    }
    if (first.judgeCount() != second.judgeCount()) {
      assertThat(first.judgeCount())
          .as("equal medians: more judges first")
          .isGreaterThan(second.judgeCount());
      return "judges";
    }
    int submitted = first.pitch().submittedAt().compareTo(second.pitch().submittedAt());
    if (submitted != 0) {
      assertThat(submitted).as("equal judge counts: earlier submission first").isNegative();
      return "submission time";
    }
    assertThat(first.pitch().pitchId())
        .as("a complete tie: lower pitch id first")
        .isLessThan(second.pitch().pitchId());
    return "pitch id";
  }

  /** A score as the ranking compares it: rounded to whole multiples of the tie tolerance. */
  private static long grain(double score) {
    return Math.round(score / TIE);
  }

  private static Double score(RankedPitch line, boolean z) {
    return z ? line.normalisedScore() : line.rawScore();
  }

  private static Set<UUID> quorate(Stage stage, int quorum) {
    Set<UUID> quorate = new TreeSet<>();
    stage
        .counted()
        .forEach(
            (pitch, totals) -> {
              if (totals.size() >= quorum) {
                quorate.add(pitch);
              }
            });
    return quorate;
  }

  private static List<UUID> ids(Ranking ranking) {
    return ranking.entries().stream().map(e -> e.pitch().pitchId()).toList();
  }

  private static List<UUID> rankedIds(Ranking ranking) {
    return ranking.entries().stream()
        .filter(e -> e.rank() != null)
        .map(e -> e.pitch().pitchId())
        .toList();
  }

  private static RankedPitch line(Ranking ranking, UUID pitchId) {
    return ranking.entries().stream()
        .filter(e -> e.pitch().pitchId().equals(pitchId))
        .findFirst()
        .orElseThrow();
  }
}
