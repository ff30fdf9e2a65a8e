package org.wyp.submissionservice.sme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An SME as the API shows it. */
record SmeView(
    UUID id,
    String companyName,
    String companyNumber,
    int employees,
    long turnoverPence,
    String postcode,
    String postcodeArea,
    String contactName,
    String contactEmail,
    String website,
    boolean eligible,
    List<String> ineligibleReasons,
    long version,
    Instant registeredAt) {

  static SmeView of(Sme sme) {
    return new SmeView(
        sme.smeId().value(),
        sme.companyName(),
        sme.companyNumber(),
        sme.employees(),
        sme.turnoverPence(),
        sme.postcode(),
        sme.postcodeArea(),
        sme.contactName(),
        sme.contactEmail(),
        sme.website(),
        sme.eligible(),
        sme.ineligibleReasons(),
        sme.version(),
        sme.registeredAt());
  }
}
