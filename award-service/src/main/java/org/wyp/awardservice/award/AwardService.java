package org.wyp.awardservice.award;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wyp.awardservice.fund.Award;
import org.wyp.awardservice.fund.AwardFilter;
import org.wyp.awardservice.fund.Fund;
import org.wyp.awardservice.fund.Funds;
import org.wyp.kit.aggregate.OptimisticRetry;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;
import org.wyp.kit.web.PageResponse;

/**
 * Manages awards through their lifecycle. An award lives in its round's fund, so each command loads
 * the fund, lets it decide (moving money in its ledger) and saves it once; two commands on one fund
 * at once collide on its version and the later is decided again on the fresh state.
 *
 * <p>Who reads what: an organiser reads every award; an SME (bound by its token's {@code sme_id})
 * reads only its own, and another SME's award is not found, as if it did not exist. Which roles
 * reach these methods at all is {@code AwardEndpointRules}'.
 */
@Service
class AwardService {

  private final Funds funds;
  private final Clock clock;

  AwardService(Funds funds, Clock clock) {
    this.funds = funds;
    this.clock = clock;
  }

  /** Only the awarded SME accepts; the fund refuses any other SME as if the award did not exist. */
  Award accept(UUID awardId, Caller caller) {
    UUID sme = caller.requireSme();
    return change(awardId, (fund, now) -> fund.accept(awardId, sme, now));
  }

  Award releaseTranche(UUID awardId, int number) {
    return change(awardId, (fund, now) -> fund.releaseTranche(awardId, number, now));
  }

  Award revoke(UUID awardId, String reason) {
    return change(awardId, (fund, now) -> fund.revoke(awardId, reason, now));
  }

  Award get(UUID awardId, Caller caller) {
    Optional<UUID> onlySme = readableSme(caller);
    return funds
        .findByAward(awardId)
        .flatMap(fund -> fund.findAward(awardId))
        .filter(award -> onlySme.map(award.smeId()::equals).orElse(true))
        .orElseThrow(() -> new NotFoundException("award", awardId));
  }

  /**
   * An SME's list holds only its own awards, whatever {@code smeId} it asks for: asking for another
   * SME's gives an empty page.
   */
  PageResponse<Award> search(AwardFilter filter, Caller caller, int page, int size) {
    Optional<UUID> onlySme = readableSme(caller);
    if (onlySme.isEmpty()) {
      return funds.searchAwards(filter, page, size);
    }
    UUID sme = onlySme.get();
    if (filter.smeId().filter(asked -> !asked.equals(sme)).isPresent()) {
      return new PageResponse<>(List.of(), page, size, 0);
    }
    return funds.searchAwards(filter.ofSme(sme), page, size);
  }

  /**
   * Whose awards the caller may read: empty for an organiser (everyone's), else the SME its token
   * binds.
   *
   * @throws org.wyp.kit.domain.ForbiddenException ({@code not-an-sme}) for an SME token without an
   *     {@code sme_id}
   */
  private static Optional<UUID> readableSme(Caller caller) {
    if (caller.has(Role.ORGANISER)) {
      return Optional.empty();
    }
    return Optional.of(caller.requireSme());
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
