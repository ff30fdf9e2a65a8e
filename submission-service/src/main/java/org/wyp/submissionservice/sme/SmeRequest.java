package org.wyp.submissionservice.sme;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An SME's registration as a client sends it. Company number and postcode may come in any case and
 * spacing; they are stored in canonical form. An empty website means none. Counts and pence must be
 * JSON integers. The email is {@code @NotNull} rather than {@code @NotBlank} because {@code @Email}
 * already refuses blank text, and each field is named once.
 */
record SmeRequest(
    @NotBlank @Size(max = 200) String companyName,
    @NotBlank @ValidCompanyNumber String companyNumber,
    @NotNull @Min(0) @Max(10_000_000) Integer employees,
    @NotNull @Min(0) Long turnoverPence,
    @NotBlank @ValidUkPostcode String postcode,
    @NotBlank @Size(max = 200) String contactName,
    @NotNull
        @Size(max = 254)
        @Email(
            regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
            message = "must be an email address such as name@example.co.uk")
        String contactEmail,
    @Size(max = 2000)
        @Pattern(
            regexp = "\\s*|https?://[^\\s/?#]+([/?#]\\S*)?",
            flags = Pattern.Flag.CASE_INSENSITIVE,
            message = "must be an http or https URL")
        String website) {

  /** Only after validation: every field is then present and readable. */
  SmeDetails details() {
    return new SmeDetails(
        companyName.strip(),
        CompanyNumber.parse(companyNumber).orElseThrow(),
        employees,
        turnoverPence,
        UkPostcode.parse(postcode).orElseThrow(),
        contactName.strip(),
        contactEmail.strip(),
        website == null || website.isBlank() ? null : website.strip());
  }
}
