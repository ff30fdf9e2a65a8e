package org.wyp.awardservice.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrancheScheduleTest {

  private static final List<TrancheTerm> FORTY_SIXTY =
      List.of(new TrancheTerm("On acceptance", 40), new TrancheTerm("Final milestone", 60));

  @Test
  void splitsByPercentageInWholePence() {
    assertThat(TrancheSchedule.split(50_000_00, FORTY_SIXTY))
        .containsExactly(
            new PlannedTranche(1, "On acceptance", 40, 20_000_00),
            new PlannedTranche(2, "Final milestone", 60, 30_000_00));
  }

  @Test
  void theLastTrancheTakesTheRoundingRemainder() {
    List<TrancheTerm> thirds =
        List.of(
            new TrancheTerm("Start", 33),
            new TrancheTerm("Middle", 33),
            new TrancheTerm("End", 34));

    assertThat(TrancheSchedule.split(1_001, thirds))
        .extracting(PlannedTranche::amountPence)
        .containsExactly(330L, 330L, 341L);
    assertThat(TrancheSchedule.split(1, FORTY_SIXTY))
        .extracting(PlannedTranche::amountPence)
        .containsExactly(0L, 1L);
  }

  @Test
  void tranchesAlwaysSumExactlyToTheAward() {
    Random random = new Random(7);
    for (int run = 0; run < 5_000; run++) {
      long amount = random.nextLong(1_000_000_000L);
      int first = 1 + random.nextInt(98);
      int second = 1 + random.nextInt(99 - first);
      List<TrancheTerm> terms =
          List.of(
              new TrancheTerm("a", first),
              new TrancheTerm("b", second),
              new TrancheTerm("c", 100 - first - second));

      List<PlannedTranche> tranches = TrancheSchedule.split(amount, terms);

      assertThat(tranches.stream().mapToLong(PlannedTranche::amountPence).sum()).isEqualTo(amount);
      assertThat(tranches).allSatisfy(t -> assertThat(t.amountPence()).isNotNegative());
    }
  }

  @Test
  void aScheduleMustHavePositivePercentagesSummingTo100AndLabels() {
    assertThatThrownBy(() -> TrancheSchedule.split(100, List.of(new TrancheTerm("a", 99))))
        .hasMessageContaining("sum to 100");
    assertThatThrownBy(
            () ->
                TrancheSchedule.split(
                    100, List.of(new TrancheTerm("a", 110), new TrancheTerm("b", -10))))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> TrancheSchedule.split(100, List.of(new TrancheTerm(" ", 100))))
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> TrancheSchedule.split(100, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
