package org.wyp.submissionservice.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Companies House numbers as people type them. */
class CompanyNumberTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "01234567|01234567",
        "SC123456|SC123456",
        "sc123456|SC123456",
        "Ni654321|NI654321",
        "'  oc000001  '|OC000001",
        "'\t09876543\n'|09876543"
      })
  void acceptedNumbersAreStoredInCanonicalForm(String raw, String canonical) {
    assertThat(CompanyNumber.parse(raw)).map(CompanyNumber::value).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1234567",
        "123456789",
        "SC12345",
        "SC1234567",
        "S1234567",
        "SCO12345",
        "12345678A",
        "SC 123456",
        "0123 4567",
        "SC-12345",
        "１２３４５６７８",
        "ſc123456",
        "{\"$gt\": \"\"}"
      })
  void otherTextIsRefused(String raw) {
    assertThat(CompanyNumber.parse(raw)).isEmpty();
  }

  @Test
  void nullIsRefused() {
    assertThat(CompanyNumber.parse(null)).isEmpty();
  }

  @Test
  void onlyCanonicalNumbersCanBeMadeDirectly() {
    assertThatThrownBy(() -> new CompanyNumber("sc123456"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
