package org.wyp.events.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An SME registered. Carries the company facts others need (judging matches conflicts on name and
 * number) and deliberately no personal contact data. {@code eligible} is the UK size test only
 * (fewer than 250 employees, turnover at most £50m); whether its postcode area may pitch in a round
 * is decided per round by submission-service.
 */
public record SmeRegistered(
    UUID smeId,
    long version,
    String companyName,
    String companyNumber,
    int employees,
    long turnoverPence,
    String postcodeArea,
    boolean eligible,
    List<String> ineligibleReasons,
    Instant registeredAt)
    implements SmeEvent {}
