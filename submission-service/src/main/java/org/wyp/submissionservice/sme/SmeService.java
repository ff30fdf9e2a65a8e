package org.wyp.submissionservice.sme;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;
import org.wyp.kit.web.PageResponse;

/** Manages SMEs: registers them, one per company and one per SME user, and finds them. */
@Service
public class SmeService {

  private final Smes smes;
  private final Clock clock;

  SmeService(Smes smes, Clock clock) {
    this.smes = smes;
    this.clock = clock;
  }

  /**
   * Registers the calling SME's company, eligible or not, under the caller's {@code sme_id}. The
   * unique indexes decide (the id, the company number), so two racing registrations of one SME or
   * one company cannot both succeed; the look-up afterwards only tells which of them was taken.
   */
  Sme register(Caller registrant, SmeDetails details) {
    Sme sme = Sme.register(registrant, details, clock.instant());
    try {
      return smes.save(sme);
    } catch (DuplicateKeyException e) {
      if (smes.find(sme.smeId()).isPresent()) {
        throw new ConflictException(
            "sme-already-registered", "SME " + sme.smeId() + " is already registered");
      }
      throw new ConflictException(
          "duplicate-company",
          "An SME with company number " + details.companyNumber() + " is already registered");
    }
  }

  /** An SME as the caller may see it: another SME's registration is as unknown as none. */
  Sme get(Caller caller, SmeId id) {
    return smes.find(id)
        .filter(sme -> sme.visibleTo(caller))
        .orElseThrow(() -> new NotFoundException("SME", id));
  }

  /** For this service's own decisions, whoever calls. */
  public Sme get(SmeId id) {
    return smes.find(id).orElseThrow(() -> new NotFoundException("SME", id));
  }

  /** Every SME with its contact details: organisers only. */
  PageResponse<Sme> list(Caller caller, int page, int size) {
    if (!caller.has(Role.ORGANISER)) {
      throw new ForbiddenException("not-an-organiser", "Only organisers may list SMEs");
    }
    return smes.list(page, size);
  }
}
