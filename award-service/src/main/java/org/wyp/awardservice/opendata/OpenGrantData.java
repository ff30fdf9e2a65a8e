package org.wyp.awardservice.opendata;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.wyp.awardservice.fund.Award;
import org.wyp.awardservice.fund.AwardStatus;
import org.wyp.awardservice.fund.Fund;
import org.wyp.awardservice.fund.Funds;
import org.wyp.awardservice.recipient.Recipient;
import org.wyp.awardservice.recipient.RecipientDirectory;
import org.wyp.kit.domain.NotFoundException;

/**
 * Publishes a round's awards in the 360Giving Data Standard. Amounts are in pounds, as the standard
 * wants; a revoked award is published for what was paid, and one revoked before any payment is left
 * out. A recipient is identified by its Companies House number ({@code GB-COH-…}) when known,
 * otherwise by an id under the publisher's prefix.
 */
@Service
@EnableConfigurationProperties(OpenDataProperties.class)
class OpenGrantData {

  static final String STANDARD_VERSION = "1.4";

  private final Funds funds;
  private final RecipientDirectory recipients;
  private final OpenDataProperties properties;
  private final Clock clock;

  OpenGrantData(
      Funds funds, RecipientDirectory recipients, OpenDataProperties properties, Clock clock) {
    this.funds = funds;
    this.recipients = recipients;
    this.properties = properties;
    this.clock = clock;
  }

  GrantPackage forRound(UUID roundId) {
    Fund fund =
        funds.find(roundId).orElseThrow(() -> new NotFoundException("fund for round", roundId));
    List<GrantPackage.Grant> grants =
        fund.awards().stream()
            .filter(award -> award.status() != AwardStatus.REVOKED || award.paidPence() > 0)
            .map(award -> grant(award, roundId))
            .toList();
    if (grants.isEmpty()) {
      // The standard needs at least one grant in a package; an empty one would not be valid.
      throw new NotFoundException("awarded grants for round", roundId);
    }
    return new GrantPackage(
        properties.idPrefix() + "-round-" + roundId,
        properties.programmeName() + ": awards of round " + roundId,
        "Seed awards of the round's seed fund, in pounds sterling, as granted after the finals.",
        STANDARD_VERSION,
        timestamp(clock.instant()),
        properties.license(),
        new GrantPackage.Publisher(properties.funderId(), properties.funderName()),
        grants);
  }

  private GrantPackage.Grant grant(Award award, UUID roundId) {
    Recipient recipient = recipients.recipient(award.smeId(), award.submissionId());
    String companyNumber = recipient.companyNumber().orElse(null);
    String recipientId =
        companyNumber != null
            ? "GB-COH-" + companyNumber
            : properties.idPrefix() + "-sme-" + award.smeId();
    String name = recipient.companyName().orElse("SME " + award.smeId());
    boolean revoked = award.status() == AwardStatus.REVOKED;
    long awardedPence = revoked ? award.paidPence() : award.amountPence();
    String description =
        recipient.pitchSummary().orElse("Seed award for a solution pitch to a published problem.")
            + (revoked ? " The award was revoked after part payment." : "");
    return new GrantPackage.Grant(
        properties.idPrefix() + "-" + award.awardId(),
        recipient.pitchTitle().orElse("Seed award to " + name),
        description,
        "GBP",
        pounds(awardedPence),
        pounds(award.paidPence()),
        timestamp(award.grantedAt()),
        List.of(new GrantPackage.Organization(recipientId, name, companyNumber)),
        List.of(
            new GrantPackage.Organization(properties.funderId(), properties.funderName(), null)),
        List.of(
            new GrantPackage.Programme(
                properties.idPrefix() + "-round-" + roundId, properties.programmeName())),
        timestamp(clock.instant()));
  }

  /** Pence as pounds, exactly: money never passes through floating point. */
  static BigDecimal pounds(long pence) {
    return BigDecimal.valueOf(pence, 2);
  }

  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
