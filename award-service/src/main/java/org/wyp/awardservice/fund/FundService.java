package org.wyp.awardservice.fund;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.Stage;
import org.wyp.kit.aggregate.OptimisticRetry;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.web.ETags;

/**
 * Manages funds: configures them and allocates them when judging concludes. Each change is one
 * load, one decision by the fund and one save of the fund with its events; a concurrent change to
 * the same fund reruns the attempt on the fresh state.
 */
@Service
public class FundService {

  private static final Logger log = LoggerFactory.getLogger(FundService.class);

  private final Funds funds;
  private final FundMetrics metrics;
  private final Clock clock;

  FundService(Funds funds, FundMetrics metrics, Clock clock) {
    this.funds = funds;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The fund after the change, and whether this request configured it for the first time. */
  record Configured(Fund fund, boolean created) {}

  Configured configure(UUID roundId, FundTerms terms, OptionalLong expectedVersion) {
    return OptimisticRetry.attempt(
        Fund.SAVE_ATTEMPTS,
        () -> {
          var existing = funds.find(roundId);
          ETags.requireMatch(expectedVersion, existing.map(Fund::version).orElse(0L));
          if (existing.isEmpty()) {
            return new Configured(
                funds.save(Fund.configured(roundId, terms, clock.instant())), true);
          }
          Fund fund = existing.get();
          boolean created = !fund.isConfigured();
          int awardsBefore = fund.awards().size();
          if (fund.configure(terms, clock.instant())) {
            funds.save(fund);
            metrics.granted(fund, fund.awards().size() - awardsBefore);
          }
          return new Configured(fund, created);
        });
  }

  /** A fund an organiser configured; a round with only a held conclusion has none yet. */
  Fund get(UUID roundId) {
    return funds
        .find(roundId)
        .filter(Fund::isConfigured)
        .orElseThrow(() -> new NotFoundException("fund for round", roundId));
  }

  /**
   * Allocates the round's fund from the finals' conclusion, or holds the conclusion until the fund
   * is configured. Only the finals decide awards; a screening conclusion is not this service's.
   */
  void conclude(UUID eventId, JudgingConcluded event) {
    if (event.stage() != Stage.FINALS) {
      log.debug("ignoring {} conclusion of round {}", event.stage(), event.roundId());
      return;
    }
    Conclusion conclusion = Conclusion.of(eventId, event);
    OptimisticRetry.attempt(
        Fund.SAVE_ATTEMPTS,
        () -> {
          var existing = funds.find(event.roundId());
          if (existing.isEmpty()) {
            return funds.save(Fund.holding(event.roundId(), conclusion, clock.instant()));
          }
          Fund fund = existing.get();
          int awardsBefore = fund.awards().size();
          if (fund.conclude(conclusion, clock.instant())) {
            funds.save(fund);
            metrics.granted(fund, fund.awards().size() - awardsBefore);
          } else {
            log.info(
                "conclusion {} of round {} changes nothing: the fund is {}",
                eventId,
                event.roundId(),
                fund.status());
          }
          return fund;
        });
  }
}
