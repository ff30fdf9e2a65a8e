package org.wyp.submissionservice.sme;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.web.PageResponse;

/** Manages SMEs: registers them, one per company, and finds them. */
@Service
public class SmeService {

  private final Smes smes;
  private final Clock clock;

  SmeService(Smes smes, Clock clock) {
    this.smes = smes;
    this.clock = clock;
  }

  /**
   * Registers a company, eligible or not. No look-up first: the unique index decides, so two racing
   * registrations of one company cannot both succeed.
   */
  Sme register(SmeDetails details) {
    Sme sme = Sme.register(SmeId.next(), details, clock.instant());
    try {
      return smes.save(sme);
    } catch (DuplicateKeyException e) {
      throw new ConflictException(
          "duplicate-company",
          "An SME with company number " + details.companyNumber() + " is already registered");
    }
  }

  public Sme get(SmeId id) {
    return smes.find(id).orElseThrow(() -> new NotFoundException("SME", id));
  }

  PageResponse<Sme> list(int page, int size) {
    return smes.list(page, size);
  }
}
