package org.wyp.submissionservice.sme;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.wyp.events.submission.SmeRegistered;
import org.wyp.kit.aggregate.AggregateRoot;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;

/**
 * A registered company. Its size decides whether it is an SME at all; an ineligible company may
 * still register, and keeps the reasons so it can be told why it cannot submit. Contact details
 * stay in this service: the event carries company facts only.
 */
@Document(Smes.COLLECTION)
public class Sme extends AggregateRoot {

  @Id private String id;
  private String companyName;
  private String companyNumber;
  private int employees;
  private long turnoverPence;
  private String postcode;
  private String postcodeArea;
  private String contactName;
  private String contactEmail;
  private String website;
  private boolean eligible;
  private List<String> ineligibleReasons;
  private Instant registeredAt;

  protected Sme() {}

  /**
   * Registers the company of the SME user calling: the identity provider minted its {@code sme_id},
   * and that is the SME's id here too, so its later tokens bind it to this SME.
   *
   * @throws org.wyp.kit.domain.ForbiddenException when the caller is not an SME with an sme_id
   */
  static Sme register(Caller registrant, SmeDetails details, Instant now) {
    SmeId id = new SmeId(registrant.requireSme());
    Sme sme = new Sme();
    sme.id = id.toString();
    sme.companyName = details.companyName();
    sme.companyNumber = details.companyNumber().value();
    sme.employees = details.employees();
    sme.turnoverPence = details.turnoverPence();
    sme.postcode = details.postcode().toString();
    sme.postcodeArea = details.postcode().area();
    sme.contactName = details.contactName();
    sme.contactEmail = details.contactEmail();
    sme.website = details.website();
    sme.ineligibleReasons = SmeSizeRules.failedRules(details.employees(), details.turnoverPence());
    sme.eligible = sme.ineligibleReasons.isEmpty();
    // MongoDB keeps milliseconds: the answer, the event and later reads then show the same time.
    sme.registeredAt = now.truncatedTo(ChronoUnit.MILLIS);
    sme.recordChange(
        version ->
            new SmeRegistered(
                id.value(),
                version,
                sme.companyName,
                sme.companyNumber,
                sme.employees,
                sme.turnoverPence,
                sme.postcodeArea,
                sme.eligible,
                sme.ineligibleReasons,
                sme.registeredAt));
    return sme;
  }

  /**
   * Whether {@code caller} may see this SME, contact details included: the SME itself or an
   * organiser.
   */
  public boolean visibleTo(Caller caller) {
    return caller.isSme(UUID.fromString(id)) || caller.has(Role.ORGANISER);
  }

  public SmeId smeId() {
    return new SmeId(UUID.fromString(id));
  }

  public String companyName() {
    return companyName;
  }

  /** Upper case, no spaces, e.g. {@code SC123456}. */
  public String companyNumber() {
    return companyNumber;
  }

  public int employees() {
    return employees;
  }

  public long turnoverPence() {
    return turnoverPence;
  }

  /** Upper case with one space before the inward code, e.g. {@code CH41 5LH}. */
  public String postcode() {
    return postcode;
  }

  /** The postcode's leading letters, e.g. {@code L}, {@code CH}, {@code WA}. */
  public String postcodeArea() {
    return postcodeArea;
  }

  public String contactName() {
    return contactName;
  }

  public String contactEmail() {
    return contactEmail;
  }

  /** Null when the SME gave none. */
  public String website() {
    return website;
  }

  /** Whether it meets the UK size rules for an SME; a round's postcode areas are checked apart. */
  public boolean eligible() {
    return eligible;
  }

  /** One sentence per failed size rule; empty when eligible. */
  public List<String> ineligibleReasons() {
    return ineligibleReasons == null ? List.of() : List.copyOf(ineligibleReasons);
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
