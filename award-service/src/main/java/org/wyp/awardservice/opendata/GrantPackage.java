package org.wyp.awardservice.opendata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A 360Giving Data Standard (1.4) grant package. Absent optional values are left out, not null: the
 * standard's schema types most fields as strings only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GrantPackage(
    String identifier,
    String title,
    String description,
    String version,
    String issued,
    String license,
    Publisher publisher,
    List<Grant> grants) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Publisher(String identifier, String name) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Grant(
      String id,
      String title,
      String description,
      String currency,
      BigDecimal amountAwarded,
      BigDecimal amountDisbursed,
      String awardDate,
      List<Organization> recipientOrganization,
      List<Organization> fundingOrganization,
      List<Programme> grantProgramme,
      String dateModified) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Organization(String id, String name, String companyNumber) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Programme(String code, String title) {}
}
