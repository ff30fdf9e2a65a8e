package org.wyp.judgingservice.judge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wyp.judgingservice.chain.ConflictRecord;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.pitch.KnownPitch;
import org.wyp.judgingservice.pitch.KnownSme;

/** Whether a judge has a conflict with a pitch, and why. Pure. */
public final class ConflictRules {

  private ConflictRules() {}

  /** A conflict found, and whether it was detected from affiliations rather than declared. */
  public record Found(String reason, boolean detected) {}

  /**
   * Declared conflicts first (with the pitch, or with its SME, as recorded in the round's chain or
   * on the judge), then one detected from the judge's affiliations.
   */
  public static Optional<Found> find(
      Judge judge, KnownPitch pitch, Optional<KnownSme> sme, RoundLedger ledger) {
    Optional<ConflictRecord> recorded =
        ledger.conflict(judge.judgeId().value(), pitch.id(), pitch.smeId());
    if (recorded.isPresent()) {
      return Optional.of(new Found(recorded.get().reason(), recorded.get().detected()));
    }
    SmeConflict declared = judge.smeConflict(pitch.smeId());
    if (declared != null) {
      return Optional.of(new Found(declared.reason(), false));
    }
    return detect(judge.affiliations(), pitch, sme).map(reason -> new Found(reason, true));
  }

  /**
   * An affiliation that names the pitch's SME, by company name or company number, compared
   * case-insensitively after trimming.
   */
  public static Optional<String> detect(
      List<String> affiliations, KnownPitch pitch, Optional<KnownSme> sme) {
    List<String> names =
        sme.map(s -> List.of(nullToEmpty(pitch.smeName()), nullToEmpty(s.companyName())))
            .orElse(List.of(nullToEmpty(pitch.smeName())));
    List<String> numbers =
        sme.map(s -> List.of(nullToEmpty(pitch.smeCompanyNumber()), nullToEmpty(s.companyNumber())))
            .orElse(List.of(nullToEmpty(pitch.smeCompanyNumber())));
    for (String affiliation : affiliations) {
      String a = normalise(affiliation);
      if (a.isEmpty()) {
        continue;
      }
      if (names.stream().map(ConflictRules::normalise).anyMatch(a::equals)) {
        return Optional.of("affiliated with the SME's company '" + affiliation.strip() + "'");
      }
      if (numbers.stream().map(ConflictRules::normalise).anyMatch(a::equals)) {
        return Optional.of("affiliated with company number " + affiliation.strip());
      }
    }
    return Optional.empty();
  }

  static String normalise(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
