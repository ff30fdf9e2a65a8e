package org.wyp.submissionservice.sme;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode split into its outward code (area and district, e.g. {@code CH41}) and inward code
 * (sector and unit, e.g. {@code 5LH}). The letters allowed in each position follow Royal Mail's
 * rules, so {@code Q1 1AA} or {@code L1 1CI} are refused.
 */
record UkPostcode(String outward, String inward) {

  private static final String OUTWARD =
      "[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])";
  private static final String INWARD = "[0-9][ABD-HJLNP-UW-Z]{2}";

  private static final Pattern OUTWARD_CODE = Pattern.compile(OUTWARD);
  private static final Pattern INWARD_CODE = Pattern.compile(INWARD);
  private static final Pattern COMPACT = Pattern.compile("(" + OUTWARD + ")(" + INWARD + ")");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");

  /** Far longer than any postcode however it is spaced; stops pathological input early. */
  private static final int MAX_RAW_LENGTH = 16;

  UkPostcode {
    if (outward == null
        || inward == null
        || !OUTWARD_CODE.matcher(outward).matches()
        || !INWARD_CODE.matcher(inward).matches()) {
      throw new IllegalArgumentException("not a UK postcode: " + outward + " " + inward);
    }
  }

  /** Reads a postcode as people type it: any case, with or without (or with extra) spaces. */
  static Optional<UkPostcode> parse(String raw) {
    if (raw == null || raw.length() > MAX_RAW_LENGTH) {
      return Optional.empty();
    }
    String compact = WHITESPACE.matcher(raw).replaceAll("");
    // ASCII only, checked before upper-casing: "ı" would otherwise upper-case into I.
    if (!ASCII.matcher(compact).matches()) {
      return Optional.empty();
    }
    Matcher matcher = COMPACT.matcher(compact.toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new UkPostcode(matcher.group(1), matcher.group(2)));
  }

  /** The postcode area: the leading letters, e.g. {@code L}, {@code CH}, {@code WA}. */
  String area() {
    return Character.isLetter(outward.charAt(1))
        ? outward.substring(0, 2)
        : outward.substring(0, 1);
  }

  /** The canonical written form, e.g. {@code CH41 5LH}. */
  @Override
  public String toString() {
    return outward + " " + inward;
  }
}
