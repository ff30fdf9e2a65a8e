package org.wyp.submissionservice.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading UK postcodes in any case and spacing, and finding their area. */
class UkPostcodeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "L1 8JQ|L1 8JQ|L",
        "l18jq|L1 8JQ|L",
        "'  l1   8jq '|L1 8JQ|L",
        "CH41 5LH|CH41 5LH|CH",
        "ch415lh|CH41 5LH|CH",
        "WA1 1AA|WA1 1AA|WA",
        "wa1 1aa|WA1 1AA|WA",
        "PR1 2HE|PR1 2HE|PR",
        "LL11 1AA|LL11 1AA|LL",
        "M1 1AE|M1 1AE|M",
        "B33 8TH|B33 8TH|B",
        "W1A 0AX|W1A 0AX|W",
        "EC1A 1BB|EC1A 1BB|EC",
        "SW1A1AA|SW1A 1AA|SW",
        "DN55 1PT|DN55 1PT|DN"
      })
  void acceptedPostcodesAreStoredInCanonicalFormWithTheirArea(
      String raw, String canonical, String area) {
    UkPostcode postcode = UkPostcode.parse(raw).orElseThrow();
    assertThat(postcode).hasToString(canonical);
    assertThat(postcode.area()).isEqualTo(area);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "L1",
        "L1 8J",
        "8JQ",
        "L1 8JQQ",
        "LLL1 8JQ",
        "L123 8JQ",
        "Q1 1AA",
        "L1 1CI",
        "L1-8JQ",
        "12345",
        "not a postcode",
        "ĺ1 8JQ",
        "L1 8JQ                     ",
        "{\"$regex\": \".*\"}"
      })
  void otherTextIsRefused(String raw) {
    assertThat(UkPostcode.parse(raw)).isEmpty();
  }

  @Test
  void nullIsRefused() {
    assertThat(UkPostcode.parse(null)).isEmpty();
  }

  @Test
  void onlyValidPartsCanBeMadeDirectly() {
    assertThatThrownBy(() -> new UkPostcode("l1", "8jq"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
