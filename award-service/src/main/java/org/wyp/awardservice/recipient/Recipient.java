package org.wyp.awardservice.recipient;

import java.util.Optional;

/**
 * What open data may say about an award's recipient and what it won for: public company facts and
 * the pitch's title and summary. Any part not yet learned from events is empty.
 */
public record Recipient(
    Optional<String> companyName,
    Optional<String> companyNumber,
    Optional<String> pitchTitle,
    Optional<String> pitchSummary) {}
