package org.wyp.submissionservice.sme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The UK definition of a small or medium-sized enterprise: fewer than 250 employees and an annual
 * turnover of at most £50m. Whether a company is in a round's postcode areas is a rule of the
 * round, checked when it submits, not here.
 */
final class SmeSizeRules {

  /** An SME has fewer employees than this. */
  static final int EMPLOYEE_LIMIT = 250;

  /** £50,000,000: an SME's turnover is at most this. */
  static final long MAX_TURNOVER_PENCE = 5_000_000_000L;

  private SmeSizeRules() {}

  /** A sentence for every rule the company fails; empty when it is an SME. */
  static List<String> failedRules(int employees, long turnoverPence) {
    List<String> reasons = new ArrayList<>(2);
    if (employees >= EMPLOYEE_LIMIT) {
      reasons.add(
          String.format(
              Locale.UK,
              "Has %,d employees; an SME has fewer than %,d",
              employees,
              EMPLOYEE_LIMIT));
    }
    if (turnoverPence > MAX_TURNOVER_PENCE) {
      reasons.add(
          "Annual turnover of %s is over the %s limit for an SME"
              .formatted(pounds(turnoverPence), pounds(MAX_TURNOVER_PENCE)));
    }
    return List.copyOf(reasons);
  }

  static String pounds(long pence) {
    return String.format(Locale.UK, "£%,d.%02d", pence / 100, pence % 100);
  }
}
