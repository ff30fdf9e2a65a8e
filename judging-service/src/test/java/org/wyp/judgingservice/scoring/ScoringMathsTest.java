package org.wyp.judgingservice.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The scoring maths on examples worked by hand (the working is in each test's comment). */
class ScoringMathsTest {

  private static final Offset<Double> EXACT = within(1e-9);
  private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

  // Judges and pitches named so that id order is A < B < C < D and P1 < P2 < P3.
  static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");
  static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
  static final UUID P3 = UUID.fromString("00000000-0000-0000-0000-000000000003");

  static PitchFacts pitch(UUID id, int minutesAfterT0) {
    return new PitchFacts(
        id, UUID.randomUUID(), UUID.randomUUID(), T0.plusSeconds(60L * minutesAfterT0), 1000);
  }

  static RankedPitch line(Ranking ranking, UUID pitchId) {
    return ranking.entries().stream()
        .filter(e -> e.pitch().pitchId().equals(pitchId))
        .findFirst()
        .orElseThrow();
  }

  static List<UUID> order(Ranking ranking) {
    return ranking.entries().stream().map(e -> e.pitch().pitchId()).toList();
  }

  static JudgeLeniency judge(Ranking ranking, UUID judgeId) {
    return ranking.judges().stream()
        .filter(j -> j.judgeId().equals(judgeId))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class JudgeTotals {

    @Test
    void weightedScoresAreScaledToZeroToHundredByEachRange() {
      // 0.6 × 8/10 × 100 + 0.4 × 5/10 × 100 = 48 + 20 = 68
      List<Criterion> rubric =
          List.of(new Criterion("impact", 0.6, 0, 10), new Criterion("team", 0.4, 0, 10));
      assertThat(Totals.total(rubric, Map.of("impact", 8, "team", 5))).isCloseTo(68.0, EXACT);
      assertThat(Totals.total(rubric, Map.of("impact", 10, "team", 10))).isCloseTo(100.0, EXACT);
      assertThat(Totals.total(rubric, Map.of("impact", 0, "team", 0))).isZero();
    }

    @Test
    void aRangeThatDoesNotStartAtZeroScalesFromItsMinimum() {
      // (3 − 1)/(5 − 1) × 100 × 0.5 + (1 − 1)/4 × 100 × 0.5 = 25
      List<Criterion> rubric =
          List.of(new Criterion("a", 0.5, 1, 5), new Criterion("b", 0.5, 1, 5));
      assertThat(Totals.total(rubric, Map.of("a", 3, "b", 1))).isCloseTo(25.0, EXACT);
    }

    @Test
    void aMissingOrOutOfRangeScoreIsRefused() {
      List<Criterion> rubric = List.of(new Criterion("a", 1, 0, 10));
      assertThatThrownBy(() -> Totals.total(rubric, Map.of()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Totals.total(rubric, Map.of("a", 11)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class RawAndZScores {

    /**
     * Judge A: P1 60, P2 80 (mean 70, sd 10: z −1, +1). Judge B: P1 40, P2 60, P3 50 (mean 50, sd
     * √(200/3) = 8.16497: z −1.22474, +1.22474, 0). Judge C scored only P3 (90): one pitch, z 0.
     * Raw: P1 (60+40)/2 = 50, P2 (80+60)/2 = 70, P3 (50+90)/2 = 70. Normalised: P1 (−1 − 1.22474)/2
     * = −1.11237, P2 (1 + 1.22474)/2 = 1.11237, P3 (0 + 0)/2 = 0.
     */
    ScoreSheet sheet() {
      return new ScoreSheet()
          .pitch(pitch(P1, 0))
          .pitch(pitch(P2, 1))
          .pitch(pitch(P3, 2))
          .score(P1, A, 60)
          .score(P2, A, 80)
          .score(P1, B, 40)
          .score(P2, B, 60)
          .score(P3, B, 50)
          .score(P3, C, 90);
    }

    @Test
    void rawScoreIsTheMeanOfJudgesTotals() {
      Ranking ranking = sheet().rank(new RankingRules(Normalisation.NONE, 1));

      assertThat(line(ranking, P1).rawScore()).isCloseTo(50.0, EXACT);
      assertThat(line(ranking, P2).rawScore()).isCloseTo(70.0, EXACT);
      assertThat(line(ranking, P3).rawScore()).isCloseTo(70.0, EXACT);
      assertThat(line(ranking, P2).normalisedScore()).isNull();
      // P2 and P3 tie on raw score, median (70) and judges (2): P2 was submitted first.
      assertThat(order(ranking)).containsExactly(P2, P3, P1);
      assertThat(ranking.entries()).extracting(RankedPitch::rank).containsExactly(1, 2, 3);
    }

    @Test
    void zScoresUsePopulationSdAndAJudgeWithOnePitchContributesZero() {
      Ranking ranking = sheet().rank(new RankingRules(Normalisation.ZSCORE, 1));

      double z = 10 / Math.sqrt(200.0 / 3); // 1.2247448713915890
      assertThat(line(ranking, P1).normalisedScore()).isCloseTo((-1 - z) / 2, EXACT);
      assertThat(line(ranking, P2).normalisedScore()).isCloseTo((1 + z) / 2, EXACT);
      assertThat(line(ranking, P3).normalisedScore()).isCloseTo(0.0, EXACT);
      assertThat(line(ranking, P2).normalisedScore()).isCloseTo(1.1123724356957945, EXACT);
      assertThat(order(ranking)).containsExactly(P2, P3, P1);
      assertThat(judge(ranking, A).mean()).isCloseTo(70.0, EXACT);
      assertThat(judge(ranking, A).sd()).isCloseTo(10.0, EXACT);
      assertThat(judge(ranking, B).sd()).isCloseTo(Math.sqrt(200.0 / 3), EXACT);
      assertThat(judge(ranking, C).pitches()).isEqualTo(1);
      assertThat(judge(ranking, C).sd()).isZero();
    }

    @Test
    void aJudgeWithoutSpreadContributesZero() {
      // D gives both pitches 70: no spread, z 0. A's 40/80 give z −1/+1. P1 = −0.5, P2 = +0.5.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .score(P1, D, 70)
              .score(P2, D, 70)
              .score(P1, A, 40)
              .score(P2, A, 80)
              .rank(new RankingRules(Normalisation.ZSCORE, 1));

      assertThat(line(ranking, P1).normalisedScore()).isCloseTo(-0.5, EXACT);
      assertThat(line(ranking, P2).normalisedScore()).isCloseTo(0.5, EXACT);
    }

    @Test
    void normalisationDecidesBetweenEqualRawScores() {
      // Raw: P1 (90+30+70)/3 = P2 (80+50+60)/3 = 63.33, and P2's median (60) beats P1's (70)? No:
      // P1's median 70 > P2's 60, so raw would put P1 first only by the median. z: A (85 ± 5) P1
      // +1, P2 −1; B (40 ± 10) P1 −1, P2 +1; C (65 ± 5) P1 +1, P2 −1: P1 +1/3, P2 −1/3.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .score(P1, A, 90)
              .score(P2, A, 80)
              .score(P1, B, 30)
              .score(P2, B, 50)
              .score(P1, C, 70)
              .score(P2, C, 60)
              .rank(new RankingRules(Normalisation.ZSCORE, 1));

      assertThat(line(ranking, P1).rawScore()).isCloseTo(190.0 / 3, EXACT);
      assertThat(line(ranking, P2).rawScore()).isCloseTo(190.0 / 3, EXACT);
      assertThat(line(ranking, P1).normalisedScore()).isCloseTo(1.0 / 3, EXACT);
      assertThat(line(ranking, P2).normalisedScore()).isCloseTo(-1.0 / 3, EXACT);
      assertThat(order(ranking)).containsExactly(P1, P2);
    }
  }

  @Nested
  class TieBreaks {

    RankingRules raw = new RankingRules(Normalisation.NONE, 1);

    @Test
    void theHigherScoreRanksFirstWhateverTheSubmissionOrder() {
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .score(P1, A, 60)
              .score(P2, A, 61)
              .rank(raw);
      assertThat(order(ranking)).containsExactly(P2, P1);
    }

    @Test
    void equalScoresAreBrokenByTheHigherMedianJudgeTotal() {
      // P1: 50, 50, 80 → mean 60, median 50. P2: 60, 60 → mean 60, median 60.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .score(P1, A, 50)
              .score(P1, B, 50)
              .score(P1, C, 80)
              .score(P2, A, 60)
              .score(P2, B, 60)
              .rank(raw);
      assertThat(line(ranking, P1).medianTotal()).isCloseTo(50.0, EXACT);
      assertThat(order(ranking)).containsExactly(P2, P1);
    }

    @Test
    void equalScoresAndMediansAreBrokenByMoreJudges() {
      // P1: 50, 60, 70 → mean 60, median 60, 3 judges. P2: 60, 60 → mean 60, median 60, 2 judges.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P2, 0))
              .pitch(pitch(P1, 1))
              .score(P1, A, 50)
              .score(P1, B, 60)
              .score(P1, C, 70)
              .score(P2, A, 60)
              .score(P2, B, 60)
              .rank(raw);
      assertThat(order(ranking)).containsExactly(P1, P2);
    }

    @Test
    void aCompleteTieIsBrokenByTheEarlierSubmission() {
      // Both 70 from one judge; P3 was submitted before P1.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 5))
              .pitch(pitch(P3, 2))
              .score(P1, A, 70)
              .score(P3, B, 70)
              .rank(raw);
      assertThat(order(ranking)).containsExactly(P3, P1);
    }

    @Test
    void scoresEqualUpToFloatingPointNoiseAreATie() {
      // 0.1 + 0.2 ≠ 0.3 in doubles; the tie must still go to the submission time.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .score(P1, A, 0.1 + 0.2)
              .score(P2, A, 0.3)
              .rank(raw);
      assertThat(order(ranking)).containsExactly(P1, P2);
    }
  }

  @Nested
  class WhatCounts {

    @Test
    void aPitchBelowQuorumIsListedUnrankedAfterTheRankedOnes() {
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .pitch(pitch(P3, 2))
              .score(P1, A, 95)
              .score(P2, A, 60)
              .score(P2, B, 50)
              .rank(new RankingRules(Normalisation.NONE, 2));

      assertThat(order(ranking)).containsExactly(P2, P1, P3);
      assertThat(line(ranking, P2).rank()).isEqualTo(1);
      assertThat(line(ranking, P1).rank()).isNull();
      assertThat(line(ranking, P1).rawScore()).isCloseTo(95.0, EXACT);
      assertThat(line(ranking, P3).rank()).isNull();
      assertThat(line(ranking, P3).judgeCount()).isZero();
      assertThat(line(ranking, P3).rawScore()).isNull();
    }

    @Test
    void aWithdrawnPitchLeavesTheRankingAndEveryJudgesStatistics() {
      // A: P1 60, P2 80, P3 70. Without P2: mean 65, sd 5, so z(P1) = −1, z(P3) = +1.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .pitch(pitch(P3, 2))
              .score(P1, A, 60)
              .score(P2, A, 80)
              .score(P3, A, 70)
              .withdraw(P2)
              .rank(new RankingRules(Normalisation.ZSCORE, 1));

      assertThat(order(ranking)).containsExactly(P3, P1);
      assertThat(judge(ranking, A).mean()).isCloseTo(65.0, EXACT);
      assertThat(judge(ranking, A).sd()).isCloseTo(5.0, EXACT);
      assertThat(judge(ranking, A).pitches()).isEqualTo(2);
      assertThat(line(ranking, P1).normalisedScore()).isCloseTo(-1.0, EXACT);
    }

    @Test
    void aConflictedScoreCountsNowhere() {
      // B's 100 for P1 is excluded: P1 has A's 50 only; B's statistics cover P2 alone.
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .pitch(pitch(P2, 1))
              .score(P1, A, 50)
              .score(P1, B, 100)
              .score(P2, A, 60)
              .score(P2, B, 60)
              .exclude(B, P1)
              .rank(new RankingRules(Normalisation.NONE, 1));

      assertThat(line(ranking, P1).rawScore()).isCloseTo(50.0, EXACT);
      assertThat(line(ranking, P1).judgeCount()).isEqualTo(1);
      assertThat(judge(ranking, B).pitches()).isEqualTo(1);
      assertThat(judge(ranking, B).mean()).isCloseTo(60.0, EXACT);
      assertThat(order(ranking)).containsExactly(P2, P1);
    }

    @Test
    void aRevisionReplacesTheJudgesEarlierScore() {
      Ranking ranking =
          new ScoreSheet()
              .pitch(pitch(P1, 0))
              .score(P1, A, 40)
              .score(P1, B, 60)
              .score(P1, A, 90)
              .rank(new RankingRules(Normalisation.NONE, 1));

      assertThat(line(ranking, P1).rawScore()).isCloseTo(75.0, EXACT);
      assertThat(line(ranking, P1).judgeCount()).isEqualTo(2);
    }

    @Test
    void theSameInputsInAnyOrderGiveBitIdenticalFigures() {
      PitchFacts first = pitch(P1, 0);
      PitchFacts second = pitch(P2, 1);
      Ranking one =
          new ScoreSheet()
              .pitch(first)
              .pitch(second)
              .score(P1, A, 33.3)
              .score(P1, B, 71.7)
              .score(P2, A, 12.9)
              .score(P2, B, 88.1)
              .rank(new RankingRules(Normalisation.ZSCORE, 1));
      Ranking other =
          new ScoreSheet()
              .pitch(second)
              .score(P2, B, 88.1)
              .score(P1, B, 71.7)
              .pitch(first)
              .score(P2, A, 12.9)
              .score(P1, A, 33.3)
              .rank(new RankingRules(Normalisation.ZSCORE, 1));
      assertThat(other).isEqualTo(one);
    }
  }

  @Test
  void statisticsAreThePopulationOnes() {
    assertThat(Statistics.populationSd(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0)))
        .isCloseTo(2.0, EXACT);
    assertThat(Statistics.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Statistics.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
  }
}
