package org.wyp.awardservice.award;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wyp.awardservice.fund.Award;
import org.wyp.awardservice.fund.AwardFilter;
import org.wyp.awardservice.fund.Fund;
import org.wyp.awardservice.fund.Funds;
import org.wyp.kit.aggregate.OptimisticRetry;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.web.PageResponse;

/**
 * Manages awards through their lifecycle. An award lives in its round's fund, so each command loads
 * the fund, lets it decide (moving money in its ledger) and saves it once; two commands on one fund
 * at once collide on its version and the later is decided again on the fresh state.
 */
@Service
class AwardService {

  private final Funds funds;
  private final Clock clock;

  AwardService(Funds funds, Clock clock) {
    this.funds = funds;
    this.clock = clock;
  }

  Award accept(UUID awardId) {
    return change(awardId, (fund, now) -> fund.accept(awardId, now));
  }

  Award releaseTranche(UUID awardId, int number) {
    return change(awardId, (fund, now) -> fund.releaseTranche(awardId, number, now));
  }

  Award revoke(UUID awardId, String reason) {
    return change(awardId, (fund, now) -> fund.revoke(awardId, reason, now));
  }

  Award get(UUID awardId) {
    return funds
        .findByAward(awardId)
        .flatMap(fund -> fund.findAward(awardId))
        .orElseThrow(() -> new NotFoundException("award", awardId));
  }

  PageResponse<Award> search(AwardFilter filter, int page, int size) {
    return funds.searchAwards(filter, page, size);
  }

  private interface Command {
    Award apply(Fund fund, Instant now);
  }

  private Award change(UUID awardId, Command command) {
    return OptimisticRetry.attempt(
        Fund.SAVE_ATTEMPTS,
        () -> {
          Fund fund =
              funds.findByAward(awardId).orElseThrow(() -> new NotFoundException("award", awardId));
          Award award = command.apply(fund, clock.instant());
          funds.save(fund);
          return award;
        });
  }
}
