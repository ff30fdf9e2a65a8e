package org.wyp.submissionservice.sme;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Companies House company number in its canonical form: eight characters, either eight digits
 * ({@code 01234567}) or a two-letter prefix and six digits ({@code SC123456}), upper case.
 */
record CompanyNumber(String value) {

  private static final Pattern CANONICAL = Pattern.compile("[0-9]{8}|[A-Z]{2}[0-9]{6}");

  // ASCII only, checked before upper-casing: "ſ" or "ı" would otherwise upper-case into S or I.
  private static final Pattern ACCEPTED = Pattern.compile("[0-9]{8}|[A-Za-z]{2}[0-9]{6}");

  CompanyNumber {
    if (value == null || !CANONICAL.matcher(value).matches()) {
      throw new IllegalArgumentException("not a canonical company number: " + value);
    }
  }

  /** Reads a number as people type it: any case, surrounding spaces. */
  static Optional<CompanyNumber> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (!ACCEPTED.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    return Optional.of(new CompanyNumber(trimmed.toUpperCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return value;
  }
}
