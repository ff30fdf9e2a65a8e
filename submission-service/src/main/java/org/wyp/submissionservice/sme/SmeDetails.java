package org.wyp.submissionservice.sme;

/** What an SME registers with, already checked and in canonical form. */
record SmeDetails(
    String companyName,
    CompanyNumber companyNumber,
    int employees,
    long turnoverPence,
    UkPostcode postcode,
    String contactName,
    String contactEmail,
    String website) {}
