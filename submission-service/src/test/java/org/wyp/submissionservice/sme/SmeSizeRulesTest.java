package org.wyp.submissionservice.sme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The UK SME size rules at their boundaries. */
class SmeSizeRulesTest {

  private static final long FIFTY_MILLION_POUNDS = 5_000_000_000L;

  @Test
  void twoHundredAndFortyNineEmployeesIsSmallEnough() {
    assertThat(SmeSizeRules.failedRules(249, 0)).isEmpty();
  }

  @Test
  void twoHundredAndFiftyEmployeesIsTooMany() {
    List<String> reasons = SmeSizeRules.failedRules(250, 0);
    assertThat(reasons).singleElement().asString().contains("250 employees").contains("fewer");
  }

  @Test
  void noEmployeesAtAllIsSmallEnough() {
    assertThat(SmeSizeRules.failedRules(0, 0)).isEmpty();
  }

  @Test
  void aTurnoverOfExactlyFiftyMillionPoundsIsAllowed() {
    assertThat(SmeSizeRules.failedRules(10, FIFTY_MILLION_POUNDS)).isEmpty();
  }

  @Test
  void onePennyOverFiftyMillionPoundsIsTooMuch() {
    List<String> reasons = SmeSizeRules.failedRules(10, FIFTY_MILLION_POUNDS + 1);
    assertThat(reasons)
        .singleElement()
        .asString()
        .contains("£50,000,000.01")
        .contains("£50,000,000.00")
        .containsIgnoringCase("turnover");
  }

  @Test
  void failingBothRulesGivesTwoReasonsEmployeesFirst() {
    List<String> reasons = SmeSizeRules.failedRules(250, FIFTY_MILLION_POUNDS + 1);
    assertThat(reasons).hasSize(2);
    assertThat(reasons.get(0)).contains("employees");
    assertThat(reasons.get(1)).containsIgnoringCase("turnover");
  }

  @Test
  void theLargestValuesStillGiveReadableReasons() {
    List<String> reasons = SmeSizeRules.failedRules(Integer.MAX_VALUE, Long.MAX_VALUE);
    assertThat(reasons).hasSize(2);
    assertThat(reasons.get(0)).contains("2,147,483,647 employees");
    assertThat(reasons.get(1)).contains("£92,233,720,368,547,758.07");
  }

  @Test
  void poundsAreWrittenWithGroupingAndPence() {
    assertThat(SmeSizeRules.pounds(0)).isEqualTo("£0.00");
    assertThat(SmeSizeRules.pounds(5)).isEqualTo("£0.05");
    assertThat(SmeSizeRules.pounds(123_456_789)).isEqualTo("£1,234,567.89");
  }
}
